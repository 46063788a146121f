import { worldTime } from './worldTime.ts';

const two = (n: number): string => String(n).padStart(2, '0');

/** A log line's time stamp `elapsedMs` into the world, as nginx's error log and Go's log write it: "2026/11/24 09:00:00". */
export function logTime(elapsedMs: number): string {
  const t = worldTime(elapsedMs);
  return `${t.year}/${two(t.month)}/${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}
