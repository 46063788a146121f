import type { Message, SqlQuery } from '../model/messages.ts';
import { COST_MS } from '../world/world.ts';
import type { DbExchange, MysqlStatements } from './DbExchange.ts';
import { mysqlLiteral } from './mysqlLiteral.ts';

/** A SQL message with its fields changed (the statement, the values, the MySQL command, the text). */
function withSql(m: Message, sql: Partial<SqlQuery>, text: string, summary: string = m.summary): Message {
  if (m.protocol !== 'sql') return m;
  return { ...m, summary, text, sql: { ...m.sql, ...sql } };
}

/** `statement` with each `?` replaced by its value as Active Record and Drogon write it into MySQL's SQL. */
export function interpolate(statement: string, params: SqlQuery['params']): string {
  let i = 0;
  return statement.replace(/\?/g, () => mysqlLiteral(params[i++] ?? ''));
}

const valueList = (params: SqlQuery['params']): string => `[${params.map(mysqlLiteral).join(', ')}]`;

/**
 * The statement exchange as the stack's MySQL driver carries it: one COM_QUERY with the values written in
 * (`text`), or COM_STMT_EXECUTE with the values apart, after a COM_STMT_PREPARE round trip and followed by a
 * COM_STMT_CLOSE (`prepare`), or alone on a statement the connection prepared before (`cached`).
 * `statementId` is the id MySQL gives the prepared statement.
 */
export function mysqlOnTheWire(
  ex: DbExchange,
  mode: MysqlStatements,
  statementId: number,
  columns: number,
): DbExchange[] {
  if (ex.request.protocol !== 'sql' || ex.response?.protocol !== 'sql') return [ex];
  const { statement, params } = ex.request.sql;
  const response = ex.response;
  if (mode === 'text') {
    const sql = interpolate(statement, params);
    return [
      {
        ...ex,
        request: withSql(ex.request, { statement: sql, params: [] }, sql),
        response: withSql(response, { statement: sql, params: [] }, response.text),
      },
    ];
  }
  const id = `statement_id: ${statementId}`;
  const execute: DbExchange = {
    ...ex,
    request: withSql(
      ex.request,
      { command: 'COM_STMT_EXECUTE' },
      `${id}, parameters: ${valueList(params)}`,
      `EXECUTE ${ex.request.summary}`,
    ),
    response: withSql(response, { command: 'COM_STMT_EXECUTE' }, response.text),
  };
  if (mode === 'cached') return [execute];
  const bare = { params: [], rows: [], plan: 'none' as const, rowsExamined: 0 };
  return [
    {
      id: 'prepare',
      request: withSql(ex.request, { ...bare, command: 'COM_STMT_PREPARE' }, statement, 'COM_STMT_PREPARE'),
      plan: null,
      costMs: COST_MS.queryPlan,
      response: withSql(
        ex.request,
        { ...bare, command: 'COM_STMT_PREPARE' },
        `${id}, parameters: ${params.length}, columns: ${columns}`,
        `statement ${statementId} prepared`,
      ),
      result: [],
    },
    execute,
    {
      id: 'close',
      request: withSql(ex.request, { ...bare, command: 'COM_STMT_CLOSE' }, id, 'COM_STMT_CLOSE'),
      plan: null,
      costMs: 0,
      response: null,
      result: [],
    },
  ];
}
