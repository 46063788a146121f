import type { Database } from '../../model/stack.ts';
import { REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { handlerFor } from '../handlerFor.ts';
import { statementFor } from '../statementFor.ts';
import { fastapi } from '../frameworks/fastapi.ts';
import { pythonFailures } from '../driverFailures/pythonFailures.ts';
import type { LanguageProfile } from '../types.ts';
import { starletteSession } from '../sessions/starletteSession.ts';

// Drivers are chosen so the statement on the wire is the one the engine shows, with the values sent apart:
// asyncpg writes PostgreSQL's own $1. The asyncio MySQL drivers (aiomysql, asyncmy) paste escaped values
// into the SQL text instead, so MySQL uses MySQL Connector/Python's prepared cursor, which sends `?` and
// the values separately. It is synchronous: those endpoints are plain `def`, which FastAPI runs in its
// thread pool, with the synchronous redis client beside it. MongoDB uses PyMongo's asyncio API.
const ind = '    ';
const NOT_FOUND = 'raise HTTPException(status_code=404, detail="Not Found")';
const sync = (db: Database): boolean => db === 'mysql';
const def = (db: Database): string => (sync(db) ? 'def' : 'async def');
const aw = (db: Database): string => (sync(db) ? '' : 'await ');

/** A prepared cursor on a pooled MySQL connection (the checkout), with `body` inside. */
const mysqlCursor = (body: readonly string[]): string[] => [
  'with pool.get_connection() as conn, conn.cursor(prepared=True, dictionary=True) as cur:  «checkout»',
  ...indent(body, '    '),
];

/** The id as a path parameter FastAPI validates before the handler runs: an int an INT column holds. */
const PRODUCT_ID = 'ProductId = Annotated[int, Path(ge=1, le=2**31 - 1)]';

const compact = (value: string): string => `json.dumps(${value}, separators=(",", ":"))`;

/** Reads product `id` into `body` (compact JSON), or raises 404. */
function readProduct(db: Database): string[] {
  switch (db) {
    case 'postgres':
      return [
        'row = await pool.fetchrow(  «query»',
        `    "${statementFor('getProduct', db)}",`,
        '    id,',
        ')',
        'if row is None:',
        `    ${NOT_FOUND}  «notFound»`,
        `body = ${compact('dict(row)')}`,
      ];
    case 'mysql':
      return [
        ...mysqlCursor([
          'cur.execute(  «query»',
          `    "${statementFor('getProduct', db)}",`,
          '    (id,),',
          ')',
          'row = cur.fetchone()',
        ]),
        'if row is None:',
        `    ${NOT_FOUND}  «notFound»`,
        `body = ${compact('row')}`,
      ];
    case 'mongodb':
      return [
        'doc = await db.products.find_one({"_id": id})  «query»',
        'if doc is None:',
        `    ${NOT_FOUND}  «notFound»`,
        `body = ${compact('{"id": doc.pop("_id"), **doc}')}`,
      ];
  }
}

function getProduct(db: Database, cached: boolean): string[] {
  const read = cached
    ? [
        `body = ${aw(db)}redis.get(f"product:{id}")  «cacheGet»`,
        'if body is None:',
        ...indent(readProduct(db), ind),
        `    ${aw(db)}redis.set(f"product:{id}", body, ex=${REDIS.ttlSeconds})  «cacheSet»`,
      ]
    : readProduct(db);
  return [
    PRODUCT_ID,
    '',
    '@app.get("/api/products/{id}")  «route»',
    `${def(db)} get_product(id: ProductId, if_none_match: str | None = Header(None)):  «badId»`,
    ...indent(read, ind),
    `${ind}headers = {"Cache-Control": "no-cache", "ETag": etag(body)}`,
    `${ind}if if_none_match == headers["ETag"]:`,
    `${ind}${ind}return Response(status_code=304, headers=headers)  «notModified»`,
    `${ind}return Response(body, media_type="application/json", headers=headers)  «respond»`,
  ];
}

/**
 * Runs a query for several products with its one argument and returns them: asyncpg's records as dicts, the
 * MySQL cursor's dictionaries as they are, the documents `find` (lines that leave them in `docs`) reads with `id`.
 */
function returnProducts(
  db: Database,
  op: 'findBySku' | 'listProducts',
  arg: string,
  find: string[],
): string[] {
  switch (db) {
    case 'postgres':
      return [
        'rows = await pool.fetch(  «query»',
        `    "${statementFor(op, db)}",`,
        `    ${arg},`,
        ')',
        'return [dict(row) for row in rows]  «respond»',
      ];
    case 'mysql':
      return [
        ...mysqlCursor([
          'cur.execute(  «query»',
          `    "${statementFor(op, db)}",`,
          `    (${arg},),`,
          ')',
          'rows = cur.fetchall()',
        ]),
        'return rows  «respond»',
      ];
    case 'mongodb':
      return [...find, 'return [{"id": doc.pop("_id"), **doc} for doc in docs]  «respond»'];
  }
}

function findBySku(db: Database): string[] {
  const find = ['docs = await db.products.find({"sku": sku}).to_list()  «query»'];
  return [
    '@app.get("/api/products")  «route»',
    `${def(db)} find_by_sku(sku: str):`,
    ...indent(returnProducts(db, 'findBySku', 'sku', find), ind),
  ];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const find = [
    'cursor = db.products.find({"_id": {"$gt": after}}).sort("_id", 1)  «query»',
    `docs = await cursor.limit(${CATALOG_PAGE}).to_list()`,
  ];
  return [
    '@app.get("/api/catalog")  «route»',
    `${def(db)} list_products(after: int = 0):`,
    ...indent(returnProducts(db, 'listProducts', 'after', find), ind),
  ];
}

/** The product look-up and the insert, leaving the new review's id in `review_id`. */
function insertReview(db: Database): string[] {
  switch (db) {
    case 'postgres':
      return [
        'async with pool.acquire() as conn:  «checkout»',
        '    async with conn.transaction():  «begin»',
        '        product = await conn.fetchrow(  «lookup»',
        `            "${statementFor('lockProduct', db)}",`,
        '            id,',
        '        )',
        '        if product is None:  # raising inside the block sends ROLLBACK',
        `            ${NOT_FOUND}  «notFound»`,
        '        review_id = await conn.fetchval(  «query»',
        `            "${statementFor('createReview', db)}",`,
        '            id, review.rating, review.body,',
        '        )',
        '    # leaving the block sends COMMIT  «commit»',
      ];
    case 'mysql':
      return [
        'with pool.get_connection() as conn, conn.cursor(prepared=True) as cur:  «checkout»',
        '    conn.start_transaction()  «begin»',
        '    cur.execute(  «lookup»',
        `        "${statementFor('lockProduct', db)}",`,
        '        (id,),',
        '    )',
        '    if cur.fetchone() is None:',
        '        conn.rollback()',
        `        ${NOT_FOUND}  «notFound»`,
        '    cur.execute(  «query»',
        `        "${statementFor('createReview', db)}",`,
        '        (id, review.rating, review.body),',
        '    )',
        '    review_id = cur.lastrowid',
        '    conn.commit()  «commit»',
      ];
    case 'mongodb':
      return [
        'if await db.products.find_one({"_id": id}) is None:  «lookup»',
        `    ${NOT_FOUND}  «notFound»`,
        'result = await db.reviews.insert_one(  «query»',
        '    {"product_id": id, "rating": review.rating, "body": review.body}',
        ')',
        'review_id = str(result.inserted_id)',
      ];
  }
}

function createReview(db: Database): string[] {
  return [
    PRODUCT_ID,
    '',
    '@app.post("/api/products/{id}/reviews", status_code=201)  «route»',
    `${def(db)} create_review(`,
    `${ind}id: ProductId,  «badId»`,
    `${ind}user: Annotated[User, Depends(bearer_user)],  «auth»`,
    `${ind}review: NewReview,  «validate»`,
    `${ind}response: Response,`,
    '):',
    ...indent(insertReview(db), ind),
    `${ind}response.headers["Location"] = f"/api/products/{id}/reviews/{review_id}"`,
    `${ind}return {"id": review_id, "product_id": id, **review.model_dump()}  «respond»`,
  ];
}

/**
 * Python with FastAPI on uvicorn, whose default port is 8000. Uvicorn adds `server: uvicorn`, but a reverse
 * proxy replaces an upstream's Server header with its own (nginx's proxy_hide_header default), and the
 * engine shows one header list for both hops, so it is left out. FastAPI adds nothing else by default.
 * bearer_user raises HTTPException(401, "Not authenticated", {"WWW-Authenticate": …}); NewReview is
 * rating: int = Field(ge=1, le=5) and body: str = Field(min_length=1, max_length=500).
 */
export const pythonProfile: LanguageProfile = {
  id: 'python',
  label: 'Python',
  framework: 'FastAPI',
  syntax: 'python',
  port: 8000,
  drivers: { postgres: 'asyncpg', mysql: 'MySQL Connector/Python', mongodb: 'PyMongo (asyncio)' },
  driverFailures: pythonFailures,
  rowObjects: {
    postgres: ['an asyncpg Record', 'asyncpg Records'],
    mysql: ['a Python dict', 'Python dicts'],
    mongodb: ['a Python dict', 'Python dicts'],
  },
  connections: {
    postgres: { kind: 'pool', max: 10, setting: "asyncpg.create_pool's default max_size" },
    mysql: { kind: 'pool', max: 5, setting: "MySQLConnectionPool's default pool_size" },
    mongodb: { kind: 'pool', max: 100, setting: "PyMongo's default maxPoolSize" },
  },
  mysqlStatements: {
    mode: 'prepare',
    how: 'A prepared cursor (cursor(prepared=True)) prepares its statement on the server before executing it',
  },
  routing: fastapi.routing,
  response: fastapi.response,
  session: starletteSession,
  handler: handlerFor({
    file: 'main.py',
    session: starletteSession,
    getProduct,
    findBySku,
    listProducts,
    createReview,
  }),
};
