import { WORLD_START } from '../world/world.ts';

/** A UTC calendar instant, broken down: month 1–12, weekday 0 (Sunday) to 6. */
export interface CivilTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `days` after 1970-01-01 (civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The world's wall clock `elapsedMs` after it started (WORLD_START, UTC), to the millisecond: the one
 * clock-to-date function every date the simulation writes comes from. Reads no clock.
 */
export function worldTime(elapsedMs: number): CivilTime {
  const total = unixMs(elapsedMs);
  const days = Math.floor(total / DAY_MS);
  const inDay = total - days * DAY_MS;
  return {
    ...civilFromDays(days),
    weekday: (((days + 4) % 7) + 7) % 7,
    hour: Math.floor(inDay / 3_600_000),
    minute: Math.floor(inDay / 60_000) % 60,
    second: Math.floor(inDay / 1000) % 60,
    millisecond: inDay % 1000,
  };
}

/** Milliseconds since 1970-01-01 UTC of the world's clock `elapsedMs` after it started. */
function unixMs(elapsedMs: number): number {
  const { year, month, day, hour, minute } = WORLD_START;
  return (
    daysFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * 60_000 + Math.floor(elapsedMs)
  );
}

/** Whole seconds since 1970-01-01 UTC (a file's mtime, as nginx writes it into an ETag). */
export const unixSeconds = (elapsedMs: number): number => Math.floor(unixMs(elapsedMs) / 1000);
