import { MYSQL_INSERT_PLAN, MYSQL_PAGE_PLAN, mysqlProductPlan, mysqlUserPlan } from '../data/mysqlExplain.ts';
import { mysqlOnTheWire } from '../data/mysqlOnTheWire.ts';

/** A stack on MySQL (`stack.db`): its drivers' statements on the wire (prepare, execute, close) and EXPLAIN's plans. */
export const mysql = { mysqlOnTheWire, mysqlProductPlan, mysqlUserPlan, MYSQL_PAGE_PLAN, MYSQL_INSERT_PLAN };
