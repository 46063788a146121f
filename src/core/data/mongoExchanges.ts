import type { Message, MongoQuery } from '../model/messages.ts';
import { formatMongo } from '../protocols/formatMongo.ts';
import { COST_MS } from '../world/world.ts';
import type { DbExchange, MongoFindOne } from './DbExchange.ts';
import type { DbOperation } from './dbOperation.ts';
import { PRODUCT_COUNT, REVIEW_COUNT, USER, productRow } from './shopData.ts';
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

const shell = (q: Omit<MongoQuery, 'docs'>): string =>
  q.operation === 'insertOne'
    ? `db.${q.collection}.insertOne(${formatMongo(q.document)})`
    : `db.${q.collection}.${q.operation}(${formatMongo(q.filter)})`;

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
      return { find: q.collection, filter: q.filter, $db: MONGO_DB };
    case 'insertOne':
      return {
        insert: q.collection,
        documents: [{ _id: { $oid: id }, ...q.document }],
        ordered: true,
        $db: MONGO_DB,
      };
  }
}

/** The command as it goes on the wire, with the shell call it stands for beside it. */
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
): DbExchange[] {
  switch (op.kind) {
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
