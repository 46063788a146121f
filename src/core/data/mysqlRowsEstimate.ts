/**
 * MySQL's EXPLAIN `rows` for a full scan is InnoDB's estimate of the table's rows from sampled pages, not
 * a count (it samples 20 pages, so each ANALYZE TABLE gives a slightly different number): MariaDB 10.11
 * (Debian 12) estimated this for the 2,000,000 products, and MySQL 8 reads the same InnoDB statistics.
 * A module of its own: the narration needs it on every stack, the plans (mysqlExplain.ts) only on MySQL's.
 */
export const MYSQL_ROWS_ESTIMATE = 1_993_345;
