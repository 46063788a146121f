import { codeRules } from './codeRules.ts';
import { lexer } from './lexer.ts';
import type { Rule } from './lexer.ts';
import type { Grammar, Token } from './Token.ts';

const SQL_KEYWORDS = new Set(
  'select from where and or not insert into values update set delete returning begin commit rollback limit order by group having join left inner on as is null in like explain analyze index using scan seq asc desc count distinct transaction isolation level read write'.split(
    ' ',
  ),
);

const sqlRules: Rule[] = [
  [/--[^\n]*/, 'comment'],
  [/'(?:[^']|'')*'/, 'string'],
  [/\$\d+|\?|:[A-Za-z_]\w*/, 'variable'],
  [/\b\d+(?:\.\d+)?\b/, 'number'],
  [/[A-Za-z_]\w*/, (word) => (SQL_KEYWORDS.has(word.toLowerCase()) ? 'keyword' : 'plain')],
];

const jsonRules: Rule[] = [
  [/"(?:[^"\\\n]|\\.)*"/, (_s, rest) => (/^\s*:/.test(rest) ? 'key' : 'string')],
  [/-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/, 'number'],
  [/\b(?:true|false|null)\b/, 'keyword'],
];

const digRules: Rule[] = [
  [/^;[^\n]*/m, 'comment'],
  [/\b(?:IN|A|AAAA|NS|SOA|CNAME|MX|TXT)\b/, 'keyword'],
  [/\b\d+(?:\.\d+){3}\b/, 'string'],
  [/\b\d+\b/, 'number'],
];

const LEXERS = new Map<Grammar, (text: string) => Token[]>();

const lexerFor = (grammar: Grammar): ((text: string) => Token[]) => {
  let lex = LEXERS.get(grammar);
  if (!lex) {
    const rules: Rule[] =
      grammar === 'sql'
        ? sqlRules
        : grammar === 'json'
          ? jsonRules
          : grammar === 'dig'
            ? digRules
            : grammar === 'plain'
              ? []
              : codeRules(grammar);
    lex = lexer(rules);
    LEXERS.set(grammar, lex);
  }
  return lex;
};

/** HTTP: the start line, header names, then the body (JSON when it looks like JSON). */
function highlightHttp(text: string): Token[] {
  const normalised = text.replace(/\r\n/g, '\n');
  const split = normalised.indexOf('\n\n');
  const head = split < 0 ? normalised : normalised.slice(0, split);
  const body = split < 0 ? '' : normalised.slice(split + 2);
  const tokens: Token[] = [];
  head.split('\n').forEach((line, i) => {
    if (i > 0) tokens.push({ kind: 'plain', text: '\n' });
    const colon = line.indexOf(':');
    if (i === 0) tokens.push({ kind: 'meta', text: line });
    else if (colon > 0)
      tokens.push(
        { kind: 'key', text: line.slice(0, colon + 1) },
        { kind: 'plain', text: line.slice(colon + 1) },
      );
    else tokens.push({ kind: 'plain', text: line });
  });
  if (split >= 0) tokens.push({ kind: 'plain', text: '\n\n' });
  if (body) tokens.push(...highlight(body, /^\s*[[{]/.test(body) ? 'json' : 'plain'));
  return tokens;
}

/** Tokens for light syntax colouring: a few regular expressions per language, no dependency. */
export function highlight(text: string, grammar: Grammar): Token[] {
  if (grammar === 'http') return highlightHttp(text);
  return lexerFor(grammar)(text);
}
