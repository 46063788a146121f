/**
 * How a framework's JSON encoder writes text. They agree on structure and differ on escapes:
 * - `ecmascript`: JSON.stringify (Express, Jackson, FastAPI's JSONResponse with ensure_ascii=False);
 * - `ascii`: Python's json.dumps default (ensure_ascii): every non-ASCII character as \uXXXX;
 * - `html-safe`: Go's encoding/json and Rails' ActiveSupport: < > & U+2028 U+2029 as \uXXXX;
 * - `php`: json_encode without flags: / as \/ and non-ASCII as \uXXXX;
 * - `php-pretty`: JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES (Laravel's exception bodies): four-space
 *   indent, non-ASCII still escaped;
 * - `jsoncpp`: JsonCpp's StreamWriter as Drogon configures it (no indentation, emitUTF8): the escapes of
 *   JSON.stringify, but an object's keys come out sorted (Json::Value keeps them in a std::map). Checked
 *   against Debian's libjsoncpp 1.9.5 in tests/truth/frameworks.test.ts.
 */
export type JsonDialect = 'ecmascript' | 'ascii' | 'html-safe' | 'php' | 'php-pretty' | 'jsoncpp';

/** `value` with every object's keys in byte order, as a std::map<std::string, …> holds them. */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, sortedKeys(v)]),
        )
      : value;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `value` as JSON text in `dialect`. Escapes are applied after JSON.stringify: outside strings JSON
 * text holds only ASCII punctuation, digits and literals, so every character replaced is inside a string.
 */
export function jsonText(value: unknown, dialect: JsonDialect = 'ecmascript'): string {
  if (dialect === 'jsoncpp') return JSON.stringify(sortedKeys(value));
  const text = JSON.stringify(value, null, dialect === 'php-pretty' ? 4 : undefined);
  switch (dialect) {
    case 'ecmascript':
      return text;
    case 'ascii':
    case 'php-pretty':
      return text.replace(/[\u0080-\uffff]/g, escape);
    case 'html-safe':
      return text.replace(/[<>&\u2028\u2029]/g, escape);
    case 'php':
      return text.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, escape);
  }
}
