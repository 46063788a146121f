import type { Database } from '../../model/stack.ts';
import { APP_CPUS, REDIS } from '../../world/world.ts';
import { CATALOG_PAGE } from '../../data/shopData.ts';
import { indent } from '../indent.ts';
import { handlerFor } from '../handlerFor.ts';
import { statementFor } from '../statementFor.ts';
import { netHttp } from '../frameworks/netHttp.ts';
import { goFailures } from '../driverFailures/goFailures.ts';
import type { LanguageProfile } from '../types.ts';
import { scsSession } from '../sessions/scsSession.ts';

// Go 1.22's ServeMux matches the method and the {id} wildcard itself. pgx writes PostgreSQL's own $1;
// go-sql-driver/mysql sends a server-side prepared statement whenever there are arguments (its default,
// interpolateParams=false), so the values travel apart from the SQL. MongoDB uses the v2 driver.
// writeJSON (Content-Type: application/json, then json.Marshal's bytes), writeError ({"error": "Not Found"}
// for "no rows", else log.Printf of the error and 500 {"error": "Internal Server Error"}), authorized (401 {"error"}) and decodeValid (422 {"errors": [{field, message}]})
// are the app's small helpers, withTx is database/sql's missing twin of pgx.BeginFunc, and lastInsertID
// turns ExecContext's (sql.Result, error) into (LastInsertId(), error). Struct fields
// carry json and bson tags (not shown) with the columns' names.
const t = '\t';
const SCAN = '.Scan(&p.ID, &p.SKU, &p.Name, &p.PriceCents, &p.Stock)';
const NO_ROWS: Readonly<Record<Database, string>> = {
  postgres: 'pgx.ErrNoRows',
  mysql: 'sql.ErrNoRows',
  mongodb: 'mongo.ErrNoDocuments',
};

const handle = (pattern: string): string =>
  `mux.HandleFunc("${pattern}", func(w http.ResponseWriter, r *http.Request) { «route»`;

const failed = (comment = ''): string[] => [
  'if err != nil {',
  `${t}writeError(w, err)${comment}`,
  `${t}return`,
  '}',
];

/** ServeMux's {id} takes any segment: the handler parses it and answers ServeMux's own 404 if it is no id. */
const checkId = (name: string): string[] => [
  `${name}, err := strconv.Atoi(r.PathValue("id"))`,
  `if err != nil || ${name} < 1 || ${name} > math.MaxInt32 { «badId»`,
  `${t}http.NotFound(w, r)`,
  `${t}return`,
  '}',
];

/** Reads product `id` into `body` (its JSON), or answers 404. */
function readProduct(db: Database, assign: ':=' | '='): string[] {
  const query =
    db === 'mongodb'
      ? ['err = products.FindOne(r.Context(), bson.M{"_id": id}).Decode(&p) «query»']
      : [
          `err = ${db === 'postgres' ? 'pool.QueryRow' : 'db.QueryRowContext'}(r.Context(), «query»`,
          `${t}"${statementFor('getProduct', db)}", id,`,
          `)${SCAN}`,
        ];
  return [
    'var p Product',
    ...query,
    ...failed(` // 404 for ${NO_ROWS[db]} «notFound»`),
    `body, _ ${assign} json.Marshal(p)`,
  ];
}

function getProduct(db: Database, cached: boolean): string[] {
  const read = cached
    ? [
        'key := fmt.Sprintf("product:%d", id)',
        'body, err := rdb.Get(r.Context(), key).Bytes() «cacheGet»',
        'if err == redis.Nil {',
        ...indent(readProduct(db, '='), t),
        `${t}rdb.Set(r.Context(), key, body, ${REDIS.ttlSeconds}*time.Second) «cacheSet»`,
        '}',
      ]
    : readProduct(db, ':=');
  return [
    handle('GET /api/products/{id}'),
    ...indent(checkId('id'), t),
    ...indent(read, t),
    `${t}w.Header().Set("Cache-Control", "no-cache")`,
    `${t}w.Header().Set("ETag", etag(body))`,
    `${t}if r.Header.Get("If-None-Match") == etag(body) {`,
    `${t}${t}w.WriteHeader(http.StatusNotModified) «notModified»`,
    `${t}${t}return`,
    `${t}}`,
    `${t}w.Header().Set("Content-Type", "application/json")`,
    `${t}w.Write(body) «respond»`,
    '})',
  ];
}

/**
 * Runs a query for several products and leaves them in `into` (an empty slice when none), or answers the
 * error: pgx collects the rows by the struct's field names, database/sql scans them one by one, and the
 * MongoDB driver decodes the cursor that `find` (the lines that set `cur, err`) opened.
 */
function queryProducts(
  db: Database,
  op: 'findBySku' | 'listProducts',
  arg: string,
  into: string,
  find: string[],
): string[] {
  const sql = (dialect: 'postgres' | 'mysql', call: string): string[] => [
    `${call}(r.Context(), «query»`,
    `${t}"${statementFor(op, dialect)}",`,
    `${t}${arg},`,
    ')',
  ];
  switch (db) {
    case 'postgres':
      return [
        ...sql(db, 'rows, _ := pool.Query'),
        `${into}, err := pgx.CollectRows(rows, pgx.RowToStructByName[Product])`,
        ...failed(),
      ];
    case 'mysql':
      return [
        ...sql(db, 'rows, err := db.QueryContext'),
        ...failed(),
        'defer rows.Close()',
        `${into} := []Product{}`,
        'for rows.Next() {',
        `${t}var p Product`,
        `${t}rows${SCAN}`,
        `${t}${into} = append(${into}, p)`,
        '}',
      ];
    case 'mongodb':
      return [
        ...find,
        `${into} := []Product{}`,
        'if err == nil {',
        `${t}err = cur.All(r.Context(), &${into})`,
        '}',
        ...failed(),
      ];
  }
}

function findBySku(db: Database): string[] {
  const sku = 'r.URL.Query().Get("sku")';
  const find = [`cur, err := products.Find(r.Context(), bson.M{"sku": ${sku}}) «query»`];
  return [
    handle('GET /api/products'),
    ...indent(queryProducts(db, 'findBySku', sku, 'found', find), t),
    `${t}writeJSON(w, http.StatusOK, found) «respond»`,
    '})',
  ];
}

/** GET /api/catalog?after=…: the next page of products in id order (keyset pagination). */
function listProducts(db: Database): string[] {
  const find = [
    `opts := options.Find().SetSort(bson.D{{"_id", 1}}).SetLimit(${CATALOG_PAGE})`,
    'cur, err := products.Find(r.Context(), bson.M{"_id": bson.M{"$gt": after}}, opts) «query»',
  ];
  return [
    handle('GET /api/catalog'),
    `${t}after, _ := strconv.Atoi(r.URL.Query().Get("after")) // 0 when absent`,
    ...indent(queryProducts(db, 'listProducts', 'after', 'page', find), t),
    `${t}writeJSON(w, http.StatusOK, page) «respond»`,
    '})',
  ];
}

/** Checkout, product look-up and insert, leaving the new review in `review` or answering the error. */
function insertReview(db: Database): string[] {
  const review = 'review := Review{ProductID: productID, Rating: in.Rating, Body: in.Body}';
  if (db === 'mongodb') {
    return [
      'err = products.FindOne(r.Context(), bson.M{"_id": productID}).Err() «lookup»',
      ...failed(` // 404 for ${NO_ROWS[db]} «notFound»`),
      review,
      'res, err := reviews.InsertOne(r.Context(), review) «query»',
      ...failed(),
      'review.ID = res.InsertedID.(bson.ObjectID) // the driver made the _id',
    ];
  }
  const pg = db === 'postgres';
  return [
    `conn, err := ${pg ? 'pool.Acquire' : 'db.Conn'}(r.Context()) «checkout»`,
    ...failed(),
    `defer conn.${pg ? 'Release' : 'Close'}() // back to the pool`,
    review,
    ...(pg
      ? ['err = pgx.BeginFunc(r.Context(), conn, func(tx pgx.Tx) error { «begin»']
      : ['err = withTx(r.Context(), conn, func(tx *sql.Tx) (err error) { «begin»']),
    `${t}var p Product`,
    `${t}if err := tx.${pg ? 'QueryRow' : 'QueryRowContext'}(r.Context(), «lookup»`,
    `${t}${t}"${statementFor('lockProduct', db)}", productID,`,
    `${t})${SCAN}; err != nil {`,
    `${t}${t}return err // ${NO_ROWS[db]} too: ROLLBACK, then 404 below`,
    `${t}}`,
    ...(pg
      ? [
          `${t}return tx.QueryRow(r.Context(), «query»`,
          `${t}${t}"${statementFor('createReview', db)}",`,
          `${t}${t}productID, in.Rating, in.Body,`,
          `${t}).Scan(&review.ID)`,
        ]
      : [
          `${t}review.ID, err = lastInsertID(tx.ExecContext(r.Context(), «query»`,
          `${t}${t}"${statementFor('createReview', db)}",`,
          `${t}${t}productID, in.Rating, in.Body,`,
          `${t}))`,
          `${t}return err`,
        ]),
    '}) // COMMIT if the function returns nil, else ROLLBACK «commit»',
    ...failed(` // 404 for ${NO_ROWS[db]} «notFound»`),
  ];
}

function createReview(db: Database): string[] {
  const location =
    db === 'mongodb'
      ? '"/api/products/%d/reviews/%s", productID, review.ID.Hex()'
      : '"/api/products/%d/reviews/%d", productID, review.ID';
  return [
    handle('POST /api/products/{id}/reviews'),
    `${t}if !authorized(w, r) { // answers 401 itself «auth»`,
    `${t}${t}return`,
    `${t}}`,
    `${t}var in NewReview`,
    `${t}if !decodeValid(w, r, &in) { // answers 422 itself «validate»`,
    `${t}${t}return`,
    `${t}}`,
    ...indent(checkId('productID'), t),
    ...indent(insertReview(db), t),
    ...(db === 'mongodb'
      ? [`${t}location := fmt.Sprintf(${location})`, `${t}w.Header().Set("Location", location)`]
      : [`${t}w.Header().Set("Location", fmt.Sprintf(${location}))`]),
    `${t}writeJSON(w, http.StatusCreated, review) «respond»`,
    '})',
  ];
}

/**
 * Go with the standard library's net/http (Go 1.22 or later for method-and-wildcard patterns). There is no
 * default port; 8080 is the usual choice. It adds nothing beyond Date, Content-Type and Content-Length.
 */
export const goProfile: LanguageProfile = {
  id: 'go',
  label: 'Go',
  framework: 'net/http',
  syntax: 'go',
  port: 8080,
  drivers: { postgres: 'pgx', mysql: 'go-sql-driver/mysql', mongodb: 'mongo-go-driver' },
  driverFailures: goFailures,
  rowObjects: {
    postgres: ['a Go struct', 'Go structs'],
    mysql: ['a Go struct', 'Go structs'],
    mongodb: ['a Go struct', 'Go structs'],
  },
  connections: {
    postgres: {
      kind: 'pool',
      max: Math.max(4, APP_CPUS),
      setting: `pgxpool's default, the larger of 4 and the CPUs (${APP_CPUS} on this server)`,
    },
    mysql: {
      kind: 'pool',
      max: null,
      setting: 'database/sql sets no limit unless SetMaxOpenConns is called',
    },
    mongodb: { kind: 'pool', max: 100, setting: "the Go driver's default maxPoolSize" },
  },
  mysqlStatements: {
    mode: 'prepare',
    how: 'go-sql-driver/mysql prepares every query that has arguments (interpolateParams is off by default) and closes the statement after',
  },
  // BatchCursor.getMore sends batchSize only when it has one (x/mongo/driver/batch_cursor.go)
  mongoGetMore: 'none',
  routing: netHttp.routing,
  response: netHttp.response,
  session: scsSession,
  handler: handlerFor({
    file: 'products.go',
    session: scsSession,
    getProduct,
    findBySku,
    listProducts,
    createReview,
  }),
};
