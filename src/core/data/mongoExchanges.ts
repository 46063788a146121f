import { formatMongo } from '../protocols/formatMongo.ts';
import { COST_MS } from '../world/world.ts';
import type { DbExchange, MongoFindOne, MongoGetMore } from './DbExchange.ts';
import type { DbOperation } from './dbOperation.ts';
import { MONGO_DB, command, mongoMessage, winningPlan } from './mongoCommands.ts';
import { cursorPage } from './mongoCursorPage.ts';
import { PRODUCT_COUNT, REVIEW_COUNT, USER, productDoc, productFound } from './shopData.ts';
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
      const id = productFound(op);
      const docs = id === null ? [] : [productDoc(id)];
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
          request: mongoMessage(q, [], null, byId ? `find product ${op.id}, limit 1` : `find sku ${op.sku}`),
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
          response: mongoMessage(
            q,
            docs,
            result,
            docs.length === 1 ? '1 document' : `${docs.length} documents`,
          ),
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
          request: mongoMessage(q, [], null, 'insert review'),
          plan: {
            text: 'insert: one document into reviews; the write is atomic on its own',
            summary: 'Insert one document',
          },
          costMs: COST_MS.insertRow + COST_MS.commit,
          response: mongoMessage(q, [{ _id: { $oid: oid }, ...document }], formatMongo(ack), 'n: 1, ok: 1'),
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
          request: mongoMessage(q, [], null, `find user ${op.email}, limit 1`),
          plan: {
            text: `${plan}\nexecutionStats.totalDocsExamined: ${q.docsExamined}`,
            summary: 'Lookup on the unique email_1 index',
          },
          costMs: COST_MS.queryPlan + COST_MS.indexLookup,
          response: mongoMessage(q, docs, result, docs.length === 1 ? '1 document' : '0 documents'),
          result: docs,
        },
      ];
    }
    case 'transaction':
      // A single-document write is atomic on its own: the MongoDB handlers open no transaction.
      throw new Error('the MongoDB handlers run no transaction');
  }
}
