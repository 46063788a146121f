/**
 * Where and why Python's json module (3.13) refuses a document, as FastAPI reports it in a json_invalid
 * error: the decoder's message and the position in code points. Null when Python parses it. Python also
 * accepts NaN, Infinity and -Infinity, which JSON.parse does not.
 */
export function pythonJsonError(text: string): { readonly msg: string; readonly pos: number } | null {
  const s = [...text];
  let i = 0;
  const ws = (): void => {
    while (i < s.length && ' \t\n\r'.includes(s[i] ?? '')) i++;
  };
  const fail = (msg: string, pos = i): never => {
    throw { msg, pos };
  };
  const string = (): void => {
    const start = i++;
    for (;;) {
      const c = s[i];
      if (c === undefined) fail('Unterminated string starting at', start);
      else if (c === '"') return void i++;
      else if (c === '\\') {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6).join(''))) fail('Invalid \\uXXXX escape', i + 1);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else
          fail(
            e === undefined ? 'Unterminated string starting at' : 'Invalid \\escape',
            e === undefined ? start : i,
          );
      } else if (c < ' ') fail('Invalid control character at');
      else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '"') return string();
    if (c === '{') return container('}');
    if (c === '[') return container(']');
    const rest = s.slice(i, i + 9).join('');
    for (const word of ['null', 'true', 'false', 'NaN', 'Infinity', '-Infinity']) {
      if (rest.startsWith(word)) return void (i += word.length);
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(s.slice(i).join(''));
    if (!number) fail('Expecting value');
    i += number?.[0].length ?? 0;
  };
  const container = (close: '}' | ']'): void => {
    i++;
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      if (close === '}') {
        if (s[i] !== '"') fail('Expecting property name enclosed in double quotes');
        string();
        ws();
        if (s[i] !== ':') fail("Expecting ':' delimiter");
        i++;
      }
      value();
      ws();
      if (s[i] === close) return void i++;
      if (s[i] !== ',') fail("Expecting ',' delimiter");
      const comma = i++;
      ws();
      if (s[i] === close)
        fail(`Illegal trailing comma before end of ${close === '}' ? 'object' : 'array'}`, comma);
    }
  };
  try {
    value();
    ws();
    if (i < s.length) fail('Extra data');
    return null;
  } catch (e) {
    return e as { msg: string; pos: number };
  }
}
