/** How characters a single-quoted JavaScript string cannot hold as they are get written. */
const ESCAPES: Readonly<Record<string, string>> = {
  "'": "\\'",
  '\\': '\\\\',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
};

const hex = (code: number, width: number): string => code.toString(16).toUpperCase().padStart(width, '0');
const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * `text` as a single-quoted JavaScript string literal, as mongosh reads it back: quotes, backslashes
 * and control characters escaped, line and paragraph separators and lone surrogates as `\uXXXX`.
 */
function quote(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const code = text.charCodeAt(i);
    const known = ESCAPES[c];
    if (known !== undefined) out += known;
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code === 0x2028 || code === 0x2029) out += `\\u${hex(code, 4)}`;
    else if (isHigh(code) && isLow(text.charCodeAt(i + 1))) out += c + text.charAt(++i);
    else if (isHigh(code) || isLow(code)) out += `\\u${hex(code, 4)}`;
    else out += c;
  }
  return `${out}'`;
}

/**
 * A value in mongosh's notation: unquoted keys, single-quoted strings, `{ $oid }` (Extended JSON) as ObjectId('…'),
 * `{ $numberLong }` as Long('…').
 */
export function formatMongo(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[ ${value.map(formatMongo).join(', ')} ]`;
  if (typeof value === 'object') {
    const oid = (value as { $oid?: unknown }).$oid;
    if (typeof oid === 'string') return `ObjectId(${quote(oid)})`;
    const long = (value as { $numberLong?: unknown }).$numberLong;
    if (typeof long === 'string') return `Long(${quote(long)})`;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const key = (k: string): string => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k));
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${formatMongo(v)}`).join(', ')} }`;
  }
  return 'undefined';
}
