import type { DbExchange } from '../data/DbExchange.ts';
import type { DbOperation } from '../data/dbOperation.ts';
import { DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';

/** Words for one step of a SQL round trip: what it says, and why it matters. */
export interface Words {
  readonly narration: string;
  readonly why?: string;
}

function values(op: DbOperation): string {
  switch (op.kind) {
    case 'productById':
      return `${op.id}`;
    case 'productBySku':
      return `'${op.sku}'`;
    case 'productPage':
      return `${op.after}`;
    case 'insertReview':
      return `${op.productId}, ${op.rating} and '${op.body}'`;
    case 'userByEmail':
      return `'${op.email}'`;
    case 'transaction':
      return 'no value';
  }
}

const one = (op: DbOperation): boolean => op.kind !== 'insertReview';

const BINDING_WHY =
  'Security: because values travel apart from the SQL text, no input can change what the statement does (no SQL injection).';

/**
 * What the handler's statement is on the wire, in words true of its database and driver: PostgreSQL's
 * extended protocol with the values apart, MySQL's COM_STMT_EXECUTE with them apart, or MySQL's COM_QUERY
 * with them escaped into the SQL; escaping and binding both stop injection, differently.
 */
export function sqlRequestWords(ctx: AppContext, op: DbOperation, ex: DbExchange, where: string): Words {
  const name = DATABASE_INFO[ctx.stack.db].name;
  const sql = ex.request.protocol === 'sql' ? ex.request.sql : null;
  const { mode, how } = ctx.profile.mysqlStatements;
  if (sql?.command === 'COM_QUERY') {
    return {
      narration: `${how}: ${values(op)} go into the SQL itself (numbers as they are, strings in quotes, any quote or backslash inside escaped by the client library: a ' becomes \\'), and MySQL at ${where} gets one COM_QUERY. There is no prepare round trip and no separate parameter.`,
      why: 'Security: escaping and binding both stop SQL injection, differently. Binding sends values apart from the SQL, so they are never parsed as SQL; escaping writes them into the SQL as quoted literals that the parser reads as one value each, which is safe only if every value goes through it, in the connection’s character set.',
    };
  }
  if (sql?.command === 'COM_STMT_EXECUTE') {
    return {
      narration: `The driver sends COM_STMT_EXECUTE to MySQL at ${where}: the prepared statement's id and ${values(op)}, sent separately as ${one(op) ? 'a parameter' : 'parameters'} in MySQL's binary protocol, never pasted into the SQL text.${mode === 'cached' ? ` The statement was prepared on this connection for an earlier request (${how}), so no prepare round trip comes first.` : ''}`,
      why: BINDING_WHY,
    };
  }
  return {
    narration: `The handler sends the statement to ${name} at ${where}, with ${values(op)} sent separately as ${one(op) ? 'a parameter' : 'parameters'}, never pasted into the SQL text.`,
    why: BINDING_WHY,
  };
}

/** The COM_STMT_PREPARE round trip and the COM_STMT_CLOSE after it, in words. */
export function preparedWords(
  ctx: AppContext,
  ex: DbExchange,
  where: string,
): { request: Words; result: Words } {
  const { how } = ctx.profile.mysqlStatements;
  if (ex.id === 'close') {
    return {
      request: {
        narration:
          'The handler is done with the statement, so the driver sends COM_STMT_CLOSE and MySQL frees it. MySQL sends no reply and the driver does not wait for one.',
      },
      result: { narration: '' },
    };
  }
  return {
    request: {
      narration: `${how}: before any value is sent, the driver sends the SQL with its ? placeholders to MySQL at ${where} in a COM_STMT_PREPARE. MySQL parses it and keeps it on this connection.`,
      why: 'Performance: the prepare is a whole round trip before the query runs, on every request here. A driver that keeps prepared statements per connection (mysql2’s execute, Connector/J’s cachePrepStmts) or sends escaped values in the SQL text skips it.',
    },
    result: {
      narration: `MySQL answers with the statement's id and how many parameters it needs: ${ex.response?.text ?? ''}. Only now can the driver send the values.`,
    },
  };
}
