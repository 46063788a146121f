import type { Database, Language } from '../model/stack.ts';
import type { DriverFailures } from './types.ts';
import { nodeFailures } from './driverFailures/nodeFailures.ts';
import { pythonFailures } from './driverFailures/pythonFailures.ts';
import { javaFailures } from './driverFailures/javaFailures.ts';
import { rubyFailures } from './driverFailures/rubyFailures.ts';
import { goFailures } from './driverFailures/goFailures.ts';
import { phpFailures } from './driverFailures/phpFailures.ts';
import { cppFailures } from './driverFailures/cppFailures.ts';

/**
 * What each stack's driver and pool do when the database fails (`DriverFailures`), with their error texts
 * and timeouts, one file per language in driverFailures/ (each profile imports its own, so the texts load
 * with the profile). Node's and Python's refused-connect texts are checked against the runtimes here
 * (tests/truth/databaseFaults.test.ts); pg-pool's "timeout exceeded when trying to connect", HikariCP's
 * "Connection is not available, request timed out after …ms", Active Record's ConnectionTimeoutError, MySQL
 * Connector/Python's PoolError and 2003 refusal, pgx's dial error and the MongoDB drivers' wait-queue texts
 * against their source and real logs found through the code search; the others and the timeouts against the
 * drivers' documented defaults.
 * "Configured" marks a value this shop sets; everything else is a default.
 *
 * Every stack's driver failures: DRIVER_FAILURES[lang][db].
 */
export const DRIVER_FAILURES: Readonly<Record<Language, Readonly<Record<Database, DriverFailures>>>> = {
  node: nodeFailures,
  python: pythonFailures,
  java: javaFailures,
  ruby: rubyFailures,
  go: goFailures,
  php: phpFailures,
  cpp: cppFailures,
};
