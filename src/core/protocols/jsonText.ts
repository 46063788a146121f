/**
 * How a framework's JSON encoder writes text. They agree on structure and differ on escapes:
 * - `ecmascript`: JSON.stringify (Express, Jackson, FastAPI's JSONResponse with ensure_ascii=False);
 * - `ascii`: Python's json.dumps default (ensure_ascii): every non-ASCII character as \uXXXX;
 * - `html-safe`: Go's encoding/json and Rails' ActiveSupport: < > & U+2028 U+2029 as \uXXXX;
 * - `php`: json_encode without flags: / as \/ and non-ASCII as \uXXXX;
 * - `php-pretty`: JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES (Laravel's exception bodies): four-space
 *   indent, non-ASCII still escaped.
 */
export type JsonDialect = 'ecmascript' | 'ascii' | 'html-safe' | 'php' | 'php-pretty';

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `value` as JSON text in `dialect`. Escapes are applied after JSON.stringify: outside strings JSON
 * text holds only ASCII punctuation, digits and literals, so every character replaced is inside a string.
 */
export function jsonText(value: unknown, dialect: JsonDialect = 'ecmascript'): string {
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
