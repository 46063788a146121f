// Every MongoDB operation a timeline sends runs against an in-memory MongoDB query engine (mingo)
// over the shop's products, and its mongosh text evaluates back to the structured query.
import vm from 'node:vm';
import fc from 'fast-check';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SCENARIOS, buildTimeline, unavailableReason } from '../../src/core/index.ts';
import type { Scenario, Timeline } from '../../src/core/index.ts';
import { PRODUCT_COUNT, USER } from '../../src/core/data/shopData.ts';
import {
  CATALOG_CURSOR_ID,
  MONGO_FIRST_BATCH,
  mongoExchanges,
  productDoc,
} from '../../src/core/data/mongoExchanges.ts';
import { resultOf, stepsWith } from './timelines.ts';
import type { StepWith } from './timelines.ts';

/**
 * The products mingo searches: the first 10,000 and the last, which hold every product a lookup here names
 * (all 2,000,000 would take mingo a second per query); a collection scan still reads all PRODUCT_COUNT.
 */
const PRODUCTS = [...Array.from({ length: 10_000 }, (_, i) => productDoc(i + 1)), productDoc(PRODUCT_COUNT)];
/** The users collection as the login finds it: Ada's document (USER with _id), and one other customer. */
const USERS = [
  { _id: USER.id, email: USER.email, name: USER.name, password_hash: USER.password_hash },
  { _id: 8, email: 'customer8@mail.example', name: 'Customer 8', password_hash: USER.password_hash },
];

interface ShellCall {
  readonly collection: string;
  readonly operation: string;
  readonly args: unknown[];
  sort?: unknown;
  limit?: number;
}

/** Plain JSON data, so values built inside the VM compare like ordinary objects. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;

/**
 * Evaluates mongosh text (`db.products.findOne({ _id: 42 })`, `{ _id: ObjectId('…') }`) as the shell
 * would, in an empty VM context: `db.<collection>.<operation>(...)` records the call, and
 * `ObjectId('hex')` becomes Extended JSON `{ $oid: 'hex' }`.
 */
function evalShell(text: string): unknown {
  const calls: ShellCall[] = [];
  const db = new Proxy(
    {},
    {
      get: (_db, collection) =>
        new Proxy(
          {},
          {
            get:
              (_c, operation) =>
              (...args: unknown[]) => {
                const call: ShellCall = {
                  collection: String(collection),
                  operation: String(operation),
                  args: args.map(plain),
                };
                calls.push(call);
                // A cursor's modifiers, as mongosh chains them: .sort(…).limit(…)
                const cursor = {
                  ...call,
                  sort: (order: unknown) => ((call.sort = plain(order)), cursor),
                  limit: (n: number) => ((call.limit = n), cursor),
                };
                return cursor;
              },
          },
        ),
    },
  );
  const ObjectId = (hex: string): { $oid: string } => ({ $oid: hex });
  const Long = (digits: string): { $numberLong: string } => ({ $numberLong: digits });
  const value: unknown = vm.runInNewContext(`(${text})`, { db, ObjectId, Long, it: 'it' });
  return calls[0] ? plain(calls[0]) : plain(value);
}

/** A request's text: the command on the wire, then the mongosh call it stands for as a comment. */
function splitCommand(text: string): { command: unknown; shell: unknown } {
  const [command = '', shell = ''] = text.split('\n// in mongosh: ');
  return { command: evalShell(command), shell: evalShell(shell) };
}

/**
 * Languages whose driver's findOne sends limit: 1 without singleBatch: mongocxx's collection::find_one sets
 * limit(1) on its options (src/mongocxx/lib/mongocxx/v_noabi/mongocxx/collection.cpp) and libmongoc adds
 * singleBatch only for a negative limit (mongoc_cursor_set_limit, src/libmongoc/src/mongoc/mongoc-cursor.c).
 */
const LIMIT_ONLY: ReadonlySet<string> = new Set(['cpp']);

/**
 * Languages whose driver sends a getMore without batchSize when the cursor has a limit and no batch size: the Go
 * driver (BatchCursor.getMore adds batchSize only when numToReturn > 0, x/mongo/driver/batch_cursor.go),
 * libmongoc, under PHP's driver and mongocxx (_mongoc_cursor_prepare_getmore_command adds it only when the cursor
 * has a batch size, mongoc-cursor.c), and the Java driver 5 (CommandBatchCursor passes the find's batchSize, 0
 * here, to CommandBatchCursorHelper.getMoreCommandDocument, which adds it only when not 0; r5.6.0, as on main).
 * Node's FindCursor.getMore sends what is left of the limit, as PyMongo does (Cursor._refresh: limit - retrieved,
 * pymongo/asynchronous/cursor.py) and the Ruby driver (Cursor#batch_size_for_get_more: the smaller of the
 * limit and @remaining, lib/mongo/cursor.rb; its find carries no batchSize).
 */
const GETMORE_BARE: ReadonlySet<string> = new Set(['go', 'php', 'cpp', 'java']);

/** What the drivers' CRUD spec says goes on the wire for the handler's call (findOne is a find of one batch). */
function expectedCommand(
  q: StepWith<'mongodb'>['message']['mongodb'],
  lang = 'node',
): Record<string, unknown> {
  switch (q.operation) {
    case 'findOne':
      return LIMIT_ONLY.has(lang)
        ? { find: q.collection, filter: plain(q.filter), limit: 1, $db: 'shop' }
        : { find: q.collection, filter: plain(q.filter), limit: 1, singleBatch: true, $db: 'shop' };
    case 'find':
      return {
        find: q.collection,
        filter: plain(q.filter),
        ...(q.sort ? { sort: q.sort } : {}),
        ...(q.limit !== undefined ? { limit: q.limit } : {}),
        $db: 'shop',
      };
    case 'getMore':
      // Drivers that ask for what is left of the limit, and those that send no batchSize (GETMORE_BARE).
      return {
        getMore: { $numberLong: CATALOG_CURSOR_ID },
        collection: q.collection,
        ...(GETMORE_BARE.has(lang) ? {} : { batchSize: (q.limit ?? 0) - MONGO_FIRST_BATCH }),
        $db: 'shop',
      };
    case 'insertOne':
      return {
        insert: q.collection,
        documents: [expect.objectContaining(plain(q.document) as object)],
        ordered: true,
        $db: 'shop',
      };
  }
}

const mongoRequests = (t: Timeline): StepWith<'mongodb'>[] =>
  stepsWith(t, 'mongodb').filter((s) => s.direction === 'request');

const DB_SCENARIOS = SCENARIOS.filter(
  (s) =>
    // A database that fails (databaseFaults.test.ts) answers nothing to check.
    s.faults.database === 'up' && mongoRequests(buildTimeline(s, { lang: 'node', db: 'mongodb' })).length > 0,
);

function checkRead(
  where: string,
  request: StepWith<'mongodb'>,
  result: StepWith<'mongodb'>,
  lang = 'node',
): void {
  const q = request.message.mongodb;
  expect(['products', 'users'], where).toContain(q.collection);
  let cursor = new Query(q.filter).find<Record<string, unknown>>(q.collection === 'users' ? USERS : PRODUCTS);
  if (q.sort) cursor = cursor.sort(q.sort as Record<string, 1 | -1>);
  if (q.limit !== undefined) cursor = cursor.limit(q.limit);
  const found = cursor.all();
  // A find returns the server's first batch (101 documents by default) and, if more remain, a cursor; the
  // getMore returns the rest and closes it.
  const more = q.operation === 'getMore';
  const batched = found.length > MONGO_FIRST_BATCH;
  const expected =
    q.operation === 'findOne'
      ? found.slice(0, 1)
      : more
        ? found.slice(MONGO_FIRST_BATCH)
        : found.slice(0, MONGO_FIRST_BATCH);
  expect(result.message.mongodb.docs, `${where}: the documents mingo finds`).toEqual(expected);
  const sent = splitCommand(request.message.text);
  expect(sent.command, `${where}: the command on the wire`).toEqual(expectedCommand(q, lang));
  expect(sent.command, `${where}: the command is the structured one`).toEqual(plain(q.command));
  if (more)
    expect(request.message.text, `${where}: mongosh's it asks for the next batch`).toMatch(
      /\/\/ in mongosh: it$/,
    );
  else
    expect(sent.shell, `${where}: the shell call beside it`).toEqual({
      collection: q.collection,
      operation: q.operation,
      args: [plain(q.filter)],
      ...(q.sort ? { sort: q.sort } : {}),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
  const ns = `shop.${q.collection}`;
  expect(evalShell(result.message.text), `${where}: the reply carries the documents of its batch`).toEqual(
    more
      ? { cursor: { nextBatch: plain(expected), id: 0, ns }, ok: 1 }
      : {
          cursor: { firstBatch: plain(expected), id: batched ? { $numberLong: CATALOG_CURSOR_ID } : 0, ns },
          ok: 1,
        },
  );
  if (q.plan === 'scan')
    expect(q.docsExamined, `${where}: a collection scan reads every document`).toBe(PRODUCT_COUNT);
  else expect(q.docsExamined, `${where}: an index lookup reads only the matches`).toBe(expected.length);
}

function checkInsert(
  where: string,
  s: Scenario,
  request: StepWith<'mongodb'>,
  result: StepWith<'mongodb'>,
): void {
  const q = request.message.mongodb;
  expect(q.collection, where).toBe('reviews');
  expect(request.message.text, `${where}: an insert command`).toMatch(/^\{ insert: 'reviews', documents: \[/);
  const sent = splitCommand(request.message.text);
  expect(sent.command, `${where}: the command on the wire`).toEqual(expectedCommand(q));
  expect(sent.shell, `${where}: the shell call beside it`).toEqual({
    collection: 'reviews',
    operation: 'insertOne',
    args: [plain(q.document)],
  });
  const body = JSON.parse(s.request.body) as Record<string, unknown>;
  const productId = Number(/\/api\/products\/(\d+)\/reviews$/.exec(new URL(s.request.url).pathname)?.[1]);
  expect(q.document, `${where}: the document holds the request body's fields`).toEqual({
    product_id: productId,
    rating: body['rating'],
    body: body['body'],
  });
  const [stored, ...more] = result.message.mongodb.docs;
  expect(more, where).toEqual([]);
  const oid = (stored?.['_id'] as { $oid?: unknown } | undefined)?.$oid;
  expect(oid, `${where}: a 24-hex-digit ObjectId`).toMatch(/^[0-9a-f]{24}$/);
  expect(stored, `${where}: the stored document`).toEqual({ _id: { $oid: oid }, ...q.document });
  expect(
    (sent.command as { documents: unknown[] }).documents[0],
    `${where}: the driver made the _id it sent`,
  ).toEqual(plain(stored));
  expect(evalShell(result.message.text), `${where}: the server's reply`).toEqual({ n: 1, ok: 1 });
}

describe.each(DB_SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
  it.each(
    LANGUAGES.filter((lang) => unavailableReason(s, { lang, db: 'mongodb' }) === null).map(
      (lang) => [lang, lang] as const,
    ),
  )(
    'on %s+mongodb: every operation returns what mingo finds, and its shell text evaluates to the query',
    (_name, lang) => {
      const t = buildTimeline(s, { lang, db: 'mongodb' });
      const requests = mongoRequests(t);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        const where = `${s.id} ${lang}+mongodb step ${request.id}`;
        const result = resultOf(t, request);
        if (request.message.mongodb.operation === 'insertOne') checkInsert(where, s, request, result);
        else checkRead(where, request, result, lang);
      }
    },
  );
});

describe('lookups no scenario makes', () => {
  it.each([
    ['a product that does not exist', { kind: 'productById', id: PRODUCT_COUNT + 1 }],
    ['an unknown sku, no index', { kind: 'productBySku', sku: 'SKU-9999999' }],
    ['a sku of the wrong shape', { kind: 'productBySku', sku: 'SKU-4217' }],
    ['a sku of the old, shorter shape', { kind: 'productBySku', sku: 'SKU-04217' }],
    ['the last product by sku', { kind: 'productBySku', sku: 'SKU-2000000' }],
    ['a sku with quotes and a backslash, no index', { kind: 'productBySku', sku: `O'Brien"\\'` }],
  ] as const)('%s: the documents are what mingo finds', (name, op) => {
    const [exchange] = mongoExchanges(op, false);
    if (exchange?.request.protocol !== 'mongodb' || exchange.response?.protocol !== 'mongodb')
      throw new Error('not a MongoDB exchange');
    const step = (message: typeof exchange.request, id: string) =>
      ({ message, id }) as unknown as StepWith<'mongodb'>;
    checkRead(name, step(exchange.request, 'query'), step(exchange.response, 'result'));
  });
});

/** Review texts, leaning on the characters a string literal must escape. */
const REVIEW_TEXT = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', "'", '"', '\\', '\n', '\u2028', 'é', '😀'),
    minLength: 1,
    maxLength: 20,
  }),
  // control characters, DEL, the other separator and surrogates left alone
  fc.string({
    unit: fc.constantFrom(
      'a',
      '\u0000',
      '\t',
      '\r',
      '\u001b',
      '\u007f',
      '\u2029',
      '\ud83d',
      '\ude00',
      '`',
      '${',
    ),
    minLength: 1,
    maxLength: 20,
  }),
);

describe('review bodies of any text', () => {
  it('the insertOne shell text evaluates back to exactly the document, whatever the review says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), REVIEW_TEXT, (rating, body) => {
        const [exchange] = mongoExchanges({ kind: 'insertReview', productId: 42, rating, body }, false);
        if (exchange?.request.protocol !== 'mongodb') throw new Error('not a MongoDB exchange');
        const sent = splitCommand(exchange.request.text);
        expect(sent.shell).toEqual({
          collection: 'reviews',
          operation: 'insertOne',
          args: [{ product_id: 42, rating, body }],
        });
        expect((sent.command as { documents: unknown[] }).documents).toEqual([
          { _id: expect.anything(), product_id: 42, rating, body },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('MongoDB 8.0 plans', () => {
  it('an equality on _id takes the express path (EXPRESS_IXSCAN), not IDHACK', () => {
    const [exchange] = mongoExchanges({ kind: 'productById', id: 42 }, false);
    expect(exchange?.plan?.text).toContain("stage: 'EXPRESS_IXSCAN'");
    expect(exchange?.plan?.text).not.toContain('IDHACK');
  });
});
