import { CATALOG_PAGE } from './shopData.ts';

/** The products' columns, in the table's order: what the look-ups name and the catalogue's `*` returns. */
export const COLUMNS = ['id', 'sku', 'name', 'price_cents', 'stock'];
/** The users' columns the login reads. */
export const USER_COLUMNS = ['id', 'email', 'name', 'password_hash'];
const SELECT = `SELECT ${COLUMNS.join(', ')} FROM products WHERE`;

/** The statements the handlers send, in each dialect's placeholder style. */
export const SQL = {
  productById: { postgres: `${SELECT} id = $1`, mysql: `${SELECT} id = ?` },
  productBySku: { postgres: `${SELECT} sku = $1`, mysql: `${SELECT} sku = ?` },
  /**
   * The catalogue's page: keyset pagination on the primary key (`after` is the last id the page before ended on).
   * Every column, in the table's order: the same five as the look-ups name.
   */
  productPage: {
    postgres: `SELECT * FROM products WHERE id > $1 ORDER BY id LIMIT ${CATALOG_PAGE}`,
    mysql: `SELECT * FROM products WHERE id > ? ORDER BY id LIMIT ${CATALOG_PAGE}`,
  },
  /**
   * The review's look-up inside its transaction, which needs only to know the row is there: the weakest lock that keeps the row from being deleted
   * (or its id changed) until COMMIT, the very lock the foreign key's check takes during the INSERT.
   * MySQL has no key-share lock; `LOCK IN SHARE MODE` (what Laravel's sharedLock() writes; MySQL 8's
   * `FOR SHARE` is its synonym, which MariaDB 10.11 and node-sql-parser do not accept) also blocks updates.
   */
  productForReview: {
    postgres: 'SELECT id FROM products WHERE id = $1 FOR KEY SHARE',
    mysql: 'SELECT id FROM products WHERE id = ? LOCK IN SHARE MODE',
  },
  insertReview: {
    postgres: 'INSERT INTO reviews (product_id, rating, body) VALUES ($1, $2, $3) RETURNING id',
    mysql: 'INSERT INTO reviews (product_id, rating, body) VALUES (?, ?, ?)',
  },
  /** The login's look-up: users.email is UNIQUE, so its index finds at most one row. */
  userByEmail: {
    postgres: `SELECT ${USER_COLUMNS.join(', ')} FROM users WHERE email = $1`,
    mysql: `SELECT ${USER_COLUMNS.join(', ')} FROM users WHERE email = ?`,
  },
  begin: { postgres: 'BEGIN', mysql: 'START TRANSACTION' },
  commit: { postgres: 'COMMIT', mysql: 'COMMIT' },
  rollback: { postgres: 'ROLLBACK', mysql: 'ROLLBACK' },
} as const;
