type Row = Readonly<Record<string, string | number | boolean | null>>;

const cell = (v: string | number | boolean | null): string => (v === null ? '' : String(v));

const widths = (columns: readonly string[], rows: readonly Row[]): number[] =>
  columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c] ?? null).length)));

const align = (v: string | number | boolean | null, w: number): string =>
  typeof v === 'number' ? cell(v).padStart(w) : cell(v).padEnd(w);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rows as psql prints them: centred headers, numbers right-aligned, "(N rows)". */
export function formatPsql(columns: readonly string[], rows: readonly Row[]): string {
  const w = widths(columns, rows);
  const head = columns.map((c, i) => {
    const width = w[i] ?? c.length;
    const left = Math.floor((width - c.length) / 2);
    return ' ' + (' '.repeat(left) + c).padEnd(width) + ' ';
  });
  const rule = w.map((n) => '-'.repeat(n + 2));
  const body = rows.map((r) => columns.map((c, i) => ` ${align(r[c] ?? null, w[i] ?? 0)} `).join('|'));
  return [head.join('|'), rule.join('+'), ...body, `(${plural(rows.length, 'row')})`].join('\n');
}

/** Rows as the mysql client prints them: a boxed table and "N rows in set". */
export function formatMysql(columns: readonly string[], rows: readonly Row[]): string {
  if (rows.length === 0) return 'Empty set';
  const w = widths(columns, rows);
  const rule = '+' + w.map((n) => '-'.repeat(n + 2)).join('+') + '+';
  const line = (values: readonly string[]): string => '| ' + values.join(' | ') + ' |';
  return [
    rule,
    line(columns.map((c, i) => c.padEnd(w[i] ?? 0))),
    rule,
    ...rows.map((r) => line(columns.map((c, i) => align(r[c] ?? null, w[i] ?? 0)))),
    rule,
    `${plural(rows.length, 'row')} in set`,
  ].join('\n');
}
