import { PG_SCAN_WORKERS } from '../world/world.ts';
import type { DbOperation } from './dbOperation.ts';

/**
 * The planner's estimates, as EXPLAIN prints them for the shop's tables of PRODUCT_COUNT products:
 * PostgreSQL 15 (Debian 12) after VACUUM ANALYZE, checked by tests/truth/bigTable.test.ts. A unique sku
 * is estimated at one row (rows=1); the scan's cost is its 16,667 pages and 2,000,000 rows, shared by the
 * leader and two workers.
 */
const PG_COSTS = {
  lookup: '(cost=0.43..8.45 rows=1 width=36)',
  lockRows: '(cost=0.43..8.46 rows=1 width=10)',
  lockedLookup: '(cost=0.43..8.45 rows=1 width=10)',
  gather: '(cost=1000.00..28083.77 rows=1 width=36)',
  parallelScan: '(cost=0.00..27083.67 rows=1 width=36)',
  /** The same on PostgreSQL 15 and PGlite's 18, whatever the tables hold. */
  insert: '(cost=0.00..0.01 rows=1 width=42)',
} as const;

/** A text value as EXPLAIN prints it in a condition: quoted, with its quotes doubled. */
const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * PostgreSQL's EXPLAIN for a product by its primary key (under LockRows when the review's transaction locks
 * it) or by sku: through products_sku_idx, or without it a Gather over a Parallel Seq Scan.
 */
export function postgresProductPlan(
  op: Extract<DbOperation, { kind: 'productById' | 'productBySku' }>,
  skuIndex: boolean,
): string {
  if (op.kind === 'productById')
    return op.lock === true
      ? `LockRows  ${PG_COSTS.lockRows}\n  ->  Index Scan using products_pkey on products  ${PG_COSTS.lockedLookup}\n        Index Cond: (id = ${op.id})`
      : `Index Scan using products_pkey on products  ${PG_COSTS.lookup}\n  Index Cond: (id = ${op.id})`;
  const literal = `${quoted(op.sku)}::text`;
  return skuIndex
    ? `Index Scan using products_sku_idx on products  ${PG_COSTS.lookup}\n  Index Cond: (sku = ${literal})`
    : `Gather  ${PG_COSTS.gather}\n  Workers Planned: ${PG_SCAN_WORKERS}\n  ->  Parallel Seq Scan on products  ${PG_COSTS.parallelScan}\n        Filter: (sku = ${literal})`;
}

/** The catalogue's page: the primary key walked from `after`, stopped by Limit. */
export const postgresPagePlan = (after: number): string =>
  `Limit\n  ->  Index Scan using products_pkey on products\n        Index Cond: (id > ${after})`;

export const POSTGRES_INSERT_PLAN = `Insert on reviews  ${PG_COSTS.insert}\n  ->  Result  ${PG_COSTS.insert}`;

/** The login's look-up through the UNIQUE constraint's index on users.email. */
export const postgresUserPlan = (email: string): string =>
  `Index Scan using users_email_key on users\n  Index Cond: (email = ${quoted(email)}::text)`;
