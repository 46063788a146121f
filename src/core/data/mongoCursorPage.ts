import { COST_MS } from '../world/world.ts';
import { formatMongo } from '../protocols/formatMongo.ts';
import type { DbExchange, MongoGetMore } from './DbExchange.ts';
import { MONGO_DB, command, mongoMessage, winningPlan } from './mongoCommands.ts';
import { PRODUCT_COUNT, productDoc } from './shopData.ts';

/** Documents in a find's first batch when the command sets no batchSize (the server's default). */
export const MONGO_FIRST_BATCH = 101;

/** The id MongoDB gives the catalogue's cursor: a server-chosen 64-bit number, here fixed. */
export const CATALOG_CURSOR_ID = '5481217397413458091';

/**
 * The catalogue's page: a find with the filter, sort and limit, whose reply holds the first batch (the server's
 * default 101 documents) and a cursor, then a getMore for the rest, whose reply closes the cursor (id 0).
 */
export function cursorPage(after: number, limit: number, getMore: MongoGetMore): DbExchange[] {
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
    request: mongoMessage(q, [], null, `find after ${after}, sort _id, limit ${limit}`),
    plan: {
      text: `${plan}\nexecutionStats.totalDocsExamined: ${docs.length}`,
      summary: `Walk the _id index from ${after + 1}, stop after ${limit}`,
    },
    costMs: COST_MS.queryPlan + COST_MS.indexLookup + COST_MS.rowScan * docs.length,
    response: mongoMessage(
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
      request: mongoMessage(more, [], null, 'getMore: the next batch'),
      plan: null,
      costMs: COST_MS.rowScan * rest.length,
      response: mongoMessage(
        more,
        rest,
        formatMongo({ cursor: { nextBatch: rest, id: 0, ns }, ok: 1 }),
        `${rest.length} documents, cursor closed`,
      ),
      result: rest,
    },
  ];
}
