import { extra } from '../extras/ExtraStages.ts';
import type { Extras } from '../extras/ExtraStages.ts';
import type { Database } from '../model/stack.ts';
import type { DbExchange, MongoFindOne, MongoGetMore, MysqlStatements } from './DbExchange.ts';
import type { DbOperation } from './dbOperation.ts';
import { REVIEW_COUNT } from './shopData.ts';
import { sqlExchanges } from './sqlExchanges.ts';

/**
 * The round trips `db` makes to carry out `op`, with `reviews` rows in reviews beforehand; on MySQL, as
 * the stack's driver sends statements (`mysql`); on MongoDB, as its driver writes findOne (`findOne`) and a getMore (`getMore`),
 * with the `mongodb` extra (`extras`; MySQL's, with the `mysql` one).
 */
export function databaseExchanges(
  db: Database,
  extras: Extras,
  op: DbOperation,
  skuIndex: boolean,
  reviews: number = REVIEW_COUNT,
  mysql?: { readonly mode: MysqlStatements; readonly statementId: number },
  findOne: MongoFindOne = 'single-batch',
  getMore: MongoGetMore = 'remaining',
): DbExchange[] {
  return db === 'mongodb'
    ? extra(extras, 'mongodb').mongoExchanges(op, skuIndex, reviews, findOne, getMore)
    : sqlExchanges(db, extras, op, skuIndex, reviews, mysql);
}
