import { worldTime } from './worldTime.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** The IMF-fixdate (RFC 9110 Date header) `elapsedMs` after the world's start, without reading a clock. */
export function httpDate(elapsedMs: number): string {
  const t = worldTime(elapsedMs);
  return `${WEEKDAYS[t.weekday] ?? ''}, ${two(t.day)} ${MONTHS[t.month - 1] ?? ''} ${t.year} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} GMT`;
}
