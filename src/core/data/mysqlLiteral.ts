/** What mysql_real_escape_string puts a backslash before (NUL, newline, return, Ctrl-Z as \0 \n \r \Z). */
const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\x1a': '\\Z',
};

/**
 * A value as Active Record's mysql2 adapter writes it into SQL: numbers as they are, strings quoted with
 * the client library's mysql_real_escape_string (libmysqlclient's escape_string_for_mysql, which
 * `Mysql2::Client#escape` calls), so the server reads the literal back as exactly the value.
 */
export function mysqlLiteral(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return `'${Array.from(value, (c) => ESCAPES[c] ?? c).join('')}'`;
}
