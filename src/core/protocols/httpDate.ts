import { WORLD_START } from '../world/world.ts';

const two = (n: number): string => String(n).padStart(2, '0');

/** The IMF-fixdate (RFC 9110 Date header) `elapsedMs` after the world's start, without reading a clock. */
export function httpDate(elapsedMs: number): string {
  const total = WORLD_START.hour * 3600 + WORLD_START.minute * 60 + Math.floor(elapsedMs / 1000);
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  const { weekday, day, month, year } = WORLD_START;
  return `${weekday}, ${two(day)} ${month} ${year} ${two(h)}:${two(m)}:${two(s)} GMT`;
}
