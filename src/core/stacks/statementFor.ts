import { SQL } from '../data/sqlStatements.ts';

const STATEMENT = {
  getProduct: SQL.productById,
  findBySku: SQL.productBySku,
  createReview: SQL.insertReview,
  listProducts: SQL.productPage,
  /** The review's look-up inside its transaction, which share-locks the product's row. */
  lockProduct: SQL.productForReview,
  /** The login's look-up of the account by its email. */
  findUser: SQL.userByEmail,
} as const;

/**
 * The statement the engine sends for `op`, word for word, so the handler code and the query on the wire
 * cannot drift apart. With `placeholders: '?'` PostgreSQL's `$1, $2` become `?`: JDBC and PDO are written
 * that way and their PostgreSQL drivers number the placeholders before the statement leaves the app.
 */
export function statementFor(
  op: keyof typeof STATEMENT,
  dialect: 'postgres' | 'mysql',
  placeholders: 'native' | '?' = 'native',
): string {
  const sql = STATEMENT[op][dialect];
  return placeholders === '?' ? sql.replace(/\$\d+/g, '?') : sql;
}
