import type { Message, MongoQuery } from '../model/messages.ts';
import { formatMongo } from '../protocols/formatMongo.ts';
import { COST_MS } from '../world/world.ts';
import type { DbExchange, MongoFindOne, MongoGetMore } from './DbExchange.ts';
import type { DbOperation } from './dbOperation.ts';
import { PRODUCT_COUNT, REVIEW_COUNT, USER, productRow } from './shopData.ts';

/** Documents in a find's first batch when the command sets no batchSize (the server's default). */
export const MONGO_FIRST_BATCH = 101;

/** The id MongoDB gives the catalogue's cursor: a server-chosen 64-bit number, here fixed. */
export const CATALOG_CURSOR_ID = '5481217397413458091';
import { groupDigits } from '../format/groupDigits.ts';

/** The ObjectId MongoDB gives the first new review: creation second (the world's start) + seeded bytes. */
export const NEW_REVIEW_OID = '6b055210a1c2e3f405162738';

/**
 * The ObjectId of the `n`-th review inserted after the seed (1-based): the same second and process
 * bytes as NEW_REVIEW_OID, with its trailing 3-byte counter advanced, as a driver's counter does.
 */
export function reviewOid(n: number): string {
  const counter = (parseInt(NEW_REVIEW_OID.slice(18), 16) + n - 1) % 0x1000000;
  return NEW_REVIEW_OID.slice(0, 18) + counter.toString(16).padStart(6, '0');
}

/** A product as a document: `_id` instead of `id`. */
export function productDoc(id: number): Record<string, unknown> {
  const { id: _id, ...rest } = productRow(id);
  return { _id, ...rest };
}

/** The database the shop's collections live in, which every command names in `$db`. */
export const MONGO_DB = 'shop';

function shell(q: Omit<MongoQuery, 'docs'>): string {
  switch (q.operation) {
    case 'insertOne':
      return `db.${q.collection}.insertOne(${formatMongo(q.document)})`;
    case 'getMore':
      return 'it';
    case 'find':
    case 'findOne':
      return `db.${q.collection}.${q.operation}(${formatMongo(q.filter)})${q.sort ? `.sort(${formatMongo(q.sort)})` : ''}${q.limit !== undefined ? `.limit(${q.limit})` : ''}`;
  }
}

/**
 * The command a driver sends for the handler's call (the CRUD spec, which every official driver follows):
 * findOne is `find` with `limit: 1` and `singleBatch: true` (mongocxx: `limit: 1` alone, `findOne`);
 * insertOne is `insert` with the document, to which the driver has already given its `_id`.
 */
function command(
  q: Omit<MongoQuery, 'docs' | 'command'>,
  id: string | null,
  findOne: MongoFindOne = 'single-batch',
): Record<string, unknown> {
  switch (q.operation) {
    case 'findOne':
      return findOne === 'limit'
        ? { find: q.collection, filter: q.filter, limit: 1, $db: MONGO_DB }
        : { find: q.collection, filter: q.filter, limit: 1, singleBatch: true, $db: MONGO_DB };
    case 'find':
      return {
        find: q.collection,
        filter: q.filter,
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        $db: MONGO_DB,
      };
    case 'getMore':
      throw new Error('a getMore is written by cursorPage');
    case 'insertOne':
      return {
        insert: q.collection,
        documents: [{ _id: { $oid: id }, ...q.document }],
        ordered: true,
        $db: MONGO_DB,
      };
  }
}

/**
 * The command as it goes on the wire, with the shell call it stands for beside it (for a getMore, mongosh's `it`,
 * which asks the cursor for its next batch).
 */
const commandText = (q: Omit<MongoQuery, 'docs'>): string =>
  `${formatMongo(q.command)}\n// in mongosh: ${shell(q)}`;

function query(
  q: Omit<MongoQuery, 'docs'>,
  docs: MongoQuery['docs'],
  text: string | null,
  summary: string,
): Message {
  const full: MongoQuery = { ...q, docs };
  return { protocol: 'mongodb', summary, text: text ?? commandText(q), mongodb: full };
}

const winningPlan = (stage: string): string => `queryPlanner.winningPlan: ${stage}`;

/**
 * The round trips MongoDB makes for an operation, with the documents it really returns; an insert
 * comes after the `reviews` documents already there.
 */
export function mongoExchanges(
  op: DbOperation,
  skuIndex: boolean,
  reviews: number = REVIEW_COUNT,
  findOne: MongoFindOne = 'single-batch',
  getMore: MongoGetMore = 'remaining',
): DbExchange[] {
  switch (op.kind) {
    case 'productPage':
      return cursorPage(op.after, op.limit, getMore);
    case 'productById':
    case 'productBySku': {
      const byId = op.kind === 'productById';
      const id = byId ? op.id : Number(op.sku.slice(4));
      const found =
        Number.isInteger(id) && id >= 1 && id <= PRODUCT_COUNT && (byId || op.sku === productRow(id).sku);
      const docs = found ? [productDoc(id)] : [];
      const indexed = byId || skuIndex;
      const base = {
        collection: 'products',
        operation: byId ? ('findOne' as const) : ('find' as const),
        filter: byId ? { _id: op.id } : { sku: op.sku },
        projection: null,
        document: null,
        plan: indexed ? ('index' as const) : ('scan' as const),
        docsExamined: indexed ? docs.length : PRODUCT_COUNT,
      };
      const q = { ...base, command: command(base, null, findOne) };
      // MongoDB 8.0 answers an equality on _id by its express path, without planning (IDHACK before 8.0).
      const plan = byId
        ? winningPlan("{ stage: 'EXPRESS_IXSCAN', keyPattern: '{ _id: 1 }', indexName: '_id_' }")
        : skuIndex
          ? winningPlan("{ stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'sku_1' } }")
          : winningPlan(`{ stage: 'COLLSCAN', filter: { sku: { '$eq': ${formatMongo(op.sku)} } } }`);
      // The reply: the cursor's only batch; id 0 says the server kept no cursor open.
      const result = formatMongo({
        cursor: { firstBatch: docs, id: 0, ns: `${MONGO_DB}.products` },
        ok: 1,
      });
      return [
        {
          id: 'query',
          request: query(q, [], null, byId ? `find product ${op.id}, limit 1` : `find sku ${op.sku}`),
          plan: {
            text: `${plan}\nexecutionStats.totalDocsExamined: ${q.docsExamined}`,
            summary: indexed
              ? byId
                ? 'Lookup on the _id index'
                : 'Index scan on sku_1'
              : `Collection scan of ${groupDigits(PRODUCT_COUNT)} documents`,
          },
          // A collection scan is one thread reading every document (MongoDB runs no query in parallel).
          costMs: COST_MS.queryPlan + (indexed ? COST_MS.indexLookup : COST_MS.rowScan * PRODUCT_COUNT),
          response: query(q, docs, result, docs.length === 1 ? '1 document' : `${docs.length} documents`),
          result: docs,
        },
      ];
    }
    case 'insertReview': {
      const document = { product_id: op.productId, rating: op.rating, body: op.body };
      const base = {
        collection: 'reviews',
        operation: 'insertOne' as const,
        filter: {},
        projection: null,
        document,
        plan: 'none' as const,
        docsExamined: 0,
      };
      const oid = reviewOid(reviews + 1 - REVIEW_COUNT);
      const q = { ...base, command: command(base, oid) };
      const ack = { n: 1, ok: 1 };
      return [
        {
          id: 'query',
          request: query(q, [], null, 'insert review'),
          plan: {
            text: 'insert: one document into reviews; the write is atomic on its own',
            summary: 'Insert one document',
          },
          costMs: COST_MS.insertRow + COST_MS.commit,
          response: query(q, [{ _id: { $oid: oid }, ...document }], formatMongo(ack), 'n: 1, ok: 1'),
          result: [{ id: oid }],
          counts: { reviews: reviews + 1 },
        },
      ];
    }
    case 'userByEmail': {
      const { id: _id, ...rest } = USER;
      const docs = op.email === USER.email ? [{ _id, ...rest }] : [];
      const base = {
        collection: 'users',
        operation: 'findOne' as const,
        filter: { email: op.email },
        projection: null,
        document: null,
        plan: 'index' as const,
        docsExamined: docs.length,
      };
      const q = { ...base, command: command(base, null, findOne) };
      // MongoDB 8.0 takes an equality on a field with a unique single-field index, limit 1, by its express
      // path too (get_executor.cpp: IndexedEqualityEligible → makeExpressExecutorForFindByUserIndex).
      const plan = winningPlan(
        "{ stage: 'EXPRESS_IXSCAN', keyPattern: '{ email: 1 }', indexName: 'email_1' }",
      );
      const result = formatMongo({ cursor: { firstBatch: docs, id: 0, ns: `${MONGO_DB}.users` }, ok: 1 });
      return [
        {
          id: 'query',
          request: query(q, [], null, `find user ${op.email}, limit 1`),
          plan: {
            text: `${plan}\nexecutionStats.totalDocsExamined: ${q.docsExamined}`,
            summary: 'Lookup on the unique email_1 index',
          },
          costMs: COST_MS.queryPlan + COST_MS.indexLookup,
          response: query(q, docs, result, docs.length === 1 ? '1 document' : '0 documents'),
          result: docs,
        },
      ];
    }
    case 'transaction':
      // A single-document write is atomic on its own: the MongoDB handlers open no transaction.
      throw new Error('the MongoDB handlers run no transaction');
  }
}

/**
 * The catalogue's page: a find with the filter, sort and limit, whose reply holds the first batch (the server's
 * default 101 documents) and a cursor, then a getMore for the rest, whose reply closes the cursor (id 0).
 */
function cursorPage(after: number, limit: number, getMore: MongoGetMore): DbExchange[] {
  const docs = Array.from({ length: limit }, (_, i) => after + 1 + i)
    .filter((id) => id <= PRODUCT_COUNT)
    .map(productDoc);
  const first = docs.slice(0, MONGO_FIRST_BATCH);
  const rest = docs.slice(MONGO_FIRST_BATCH);
  const ns = `${MONGO_DB}.products`;
  const base = {
    collection: 'products',
    operation: 'find' as const,
    filter: { _id: { $gt: after } },
    sort: { _id: 1 as const },
    limit,
    projection: null,
    document: null,
    plan: 'index' as const,
    docsExamined: first.length,
  };
  const q = { ...base, command: command(base, null) };
  const cursor = rest.length > 0 ? { $numberLong: CATALOG_CURSOR_ID } : 0;
  const plan = winningPlan(
    `{ stage: 'LIMIT', limitAmount: ${limit}, inputStage: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: '_id_', direction: 'forward' } } }`,
  );
  const find: DbExchange = {
    id: 'query',
    request: query(q, [], null, `find after ${after}, sort _id, limit ${limit}`),
    plan: {
      text: `${plan}\nexecutionStats.totalDocsExamined: ${docs.length}`,
      summary: `Walk the _id index from ${after + 1}, stop after ${limit}`,
    },
    costMs: COST_MS.queryPlan + COST_MS.indexLookup + COST_MS.rowScan * docs.length,
    response: query(
      q,
      first,
      formatMongo({ cursor: { firstBatch: first, id: cursor, ns }, ok: 1 }),
      `${first.length} documents, cursor open`,
    ),
    result: first,
  };
  if (rest.length === 0) return [find];
  const more = {
    ...base,
    operation: 'getMore' as const,
    docsExamined: rest.length,
    command: {
      getMore: { $numberLong: CATALOG_CURSOR_ID },
      collection: 'products',
      ...(getMore === 'remaining' ? { batchSize: limit - first.length } : {}),
      $db: MONGO_DB,
    },
  };
  return [
    find,
    {
      id: 'more',
      request: query(more, [], null, 'getMore: the next batch'),
      plan: null,
      costMs: COST_MS.rowScan * rest.length,
      response: query(
        more,
        rest,
        formatMongo({ cursor: { nextBatch: rest, id: 0, ns }, ok: 1 }),
        `${rest.length} documents, cursor closed`,
      ),
      result: rest,
    },
  ];
}
