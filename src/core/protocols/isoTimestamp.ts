import { WORLD_START } from '../world/world.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The ISO 8601 instant `elapsedMs` after the world's start, to the millisecond, in UTC with `Z`
 * ("2026-11-24T09:00:00.196Z"), as Jackson 3 writes a java.util.Date. Reads no clock.
 */
export function isoTimestamp(elapsedMs: number): string {
  const ms = Math.floor(elapsedMs);
  const total = WORLD_START.hour * 3_600_000 + WORLD_START.minute * 60_000 + ms;
  const day = WORLD_START.day + Math.floor(total / 86_400_000);
  const inDay = total % 86_400_000;
  const month = pad(MONTHS.indexOf(WORLD_START.month) + 1);
  const time = `${pad(Math.floor(inDay / 3_600_000))}:${pad(Math.floor(inDay / 60_000) % 60)}:${pad(Math.floor(inDay / 1000) % 60)}.${pad(inDay % 1000, 3)}`;
  return `${WORLD_START.year}-${month}-${pad(day)}T${time}Z`;
}
