/** Small statistics and text-table helpers shared by the benchmark scripts. */

/** A number rounded to `digits` decimals, or null when it is not finite (JSON has no NaN). */
export const round = (n: number, digits = 2): number | null =>
  Number.isFinite(n) ? Number(n.toFixed(digits)) : null;

/** The q-quantile of an ascending array by the nearest-rank method (q = 0.95: p95). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** The median (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

export interface Summary {
  readonly n: number;
  readonly median: number | null;
  readonly p90: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export function summary(values: readonly number[], digits = 1): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(median(sorted), digits),
    p90: round(quantile(sorted, 0.9), digits),
    min: round(sorted[0] ?? NaN, digits),
    max: round(sorted.at(-1) ?? NaN, digits),
  };
}

/** `n` shown with `digits` decimals, or an en dash for null. */
export const show = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits);

/** 1234567 → "1,234,567". */
export const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A plain-text table: the first column left-aligned, the others right-aligned unless `left` says so. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  left: (column: number) => boolean = (column) => column === 0,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (left(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A Markdown table (GitHub flavour): the first column left-aligned, the others right-aligned unless `left` says so. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  left: (column: number) => boolean = (column) => column === 0,
): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [
    line(header),
    `|${header.map((_, i) => (left(i) ? ' :--- ' : ' ---: ')).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
