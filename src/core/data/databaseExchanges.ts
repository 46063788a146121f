import type { Database } from '../model/stack.ts';
import type { DbExchange } from './DbExchange.ts';
import type { DbOperation } from './dbOperation.ts';
import { mongoExchanges } from './mongoExchanges.ts';
import { sqlExchanges } from './sqlExchanges.ts';

/** The round trips `db` makes to carry out `op`. */
export function databaseExchanges(db: Database, op: DbOperation, skuIndex: boolean): DbExchange[] {
  return db === 'mongodb' ? mongoExchanges(op, skuIndex) : sqlExchanges(db, op, skuIndex);
}
