import { internal } from '../journey/EngineContext.ts';
import { DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';

/** How long the slow database's query waits for its disk reads (a figure for the lesson, not a measurement). */
export const DISK_QUEUE_MS = 2400;

/** What the database's own monitoring shows for a query waiting on its data files (names from each manual). */
const WAITING = {
  postgres:
    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE backend_type = 'client backend';\n state  | wait_event_type |  wait_event\n--------+-----------------+--------------\n active | IO              | DataFileRead",
  mysql:
    'SELECT EVENT_NAME FROM performance_schema.events_waits_current;\nwait/io/file/innodb/innodb_data_file',
  mongodb: 'db.currentOp({ active: true })\n{ op: "command", secs_running: 2, waitingForLock: false }',
} as const;

/**
 * The `databaseSlow` fault: the database machine's disk is saturated (a backup is copying every data file),
 * so the pages the query needs, not in memory, wait in the disk's queue before the query can run. The
 * query is the same; only the wait is added, at the database.
 */
export function diskQueue(ctx: AppContext): void {
  const { name } = DATABASE_INFO[ctx.stack.db];
  ctx.b.local('db', DISK_QUEUE_MS, {
    id: 'db-disk-wait',
    phase: 'database',
    title: `Waiting on disk: ${DISK_QUEUE_MS / 1000} s`,
    narration: `${name} must read the pages this query needs from disk, and the disk is saturated: a backup is copying every data file. The reads wait in the disk's queue for ${DISK_QUEUE_MS / 1000} seconds before the query can run. Nothing is wrong with the query; the same one takes milliseconds on a quiet machine.`,
    why: 'Performance: a slow dependency makes every request that needs it slow; the proxy keeps waiting, well inside its timeout, and the user watches a spinner.',
    message: internal('wait: disk read', WAITING[ctx.stack.db]),
  });
}
