/**
 * A scenario duration for people, one rule for the clock, the step details and the outcome line:
 * from a second up in seconds with two decimals ("3.04 s": a timeout reads as seconds, not as
 * "3044.1 ms" whose digits must be counted), from 10 ms a tenth of a millisecond at most ("43.8 ms",
 * "18 ms"), below that two significant digits ("9.5 ms", "0.02 ms": a database hop stays visible).
 */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Number(ms.toFixed(1))} ms`;
  if (ms === 0) return '0 ms';
  return `${Number(ms.toPrecision(2))} ms`;
}
