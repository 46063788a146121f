import { worldTime } from './worldTime.ts';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The ISO 8601 instant `elapsedMs` after the world's start, to the millisecond, in UTC with `Z`
 * ("2026-11-24T09:00:00.196Z"), as Jackson 3 writes a java.util.Date. Reads no clock.
 */
export function isoTimestamp(elapsedMs: number): string {
  const t = worldTime(elapsedMs);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millisecond, 3)}Z`;
}
