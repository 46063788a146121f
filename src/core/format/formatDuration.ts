/** A scenario duration for people: "0.02 ms", "19 ms", "117.2 ms", "3.04 s". */
export function formatDuration(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(1)} ms`;
  if (ms >= 10) return `${Number(ms.toFixed(2))} ms`;
  if (ms === 0) return '0 ms';
  return `${Number(ms.toPrecision(2))} ms`;
}
