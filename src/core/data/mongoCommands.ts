import type { Message, MongoQuery } from '../model/messages.ts';
import { formatMongo } from '../protocols/formatMongo.ts';
import type { MongoFindOne } from './DbExchange.ts';

/** The database the shop's collections live in, which every command names in `$db`. */
export const MONGO_DB = 'shop';

/** The mongosh call a command stands for. */
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
export function command(
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

/** A MongoDB message: the command as sent, with mongosh's call beside it (`text` null), or the server's reply. */
export function mongoMessage(
  q: Omit<MongoQuery, 'docs'>,
  docs: MongoQuery['docs'],
  text: string | null,
  summary: string,
): Message {
  const full: MongoQuery = { ...q, docs };
  return { protocol: 'mongodb', summary, text: text ?? commandText(q), mongodb: full };
}

/** The line of explain's output that names the plan's stages. */
export const winningPlan = (stage: string): string => `queryPlanner.winningPlan: ${stage}`;
