/** A value in mongosh's notation: unquoted keys, single-quoted strings, `{ $oid }` (Extended JSON) as ObjectId('…'). */
export function formatMongo(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/'/g, "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[ ${value.map(formatMongo).join(', ')} ]`;
  if (typeof value === 'object') {
    const oid = (value as { $oid?: unknown }).$oid;
    if (typeof oid === 'string') return `ObjectId('${oid}')`;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`);
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${formatMongo(v)}`).join(', ')} }`;
  }
  return 'undefined';
}
