import type { Token, TokenKind } from './Token.ts';

/** A rule: a sticky regular expression and the kind of what it matches (or a function choosing it). */
export type Rule = readonly [RegExp, TokenKind | ((match: string, rest: string) => TokenKind)];

/**
 * Splits text into tokens by trying each rule at each position (first match wins); text no rule
 * matches is plain. Adjacent plain characters are merged. Linear in the text for these grammars.
 */
export function lexer(rules: readonly Rule[]): (text: string) => Token[] {
  const sticky = rules.map(
    ([re, kind]) => [new RegExp(re.source, `${re.flags.replace('g', '')}y`), kind] as const,
  );
  return (text) => {
    const tokens: Token[] = [];
    let plain = '';
    const flush = () => {
      if (plain) tokens.push({ kind: 'plain', text: plain });
      plain = '';
    };
    let i = 0;
    outer: while (i < text.length) {
      for (const [re, kind] of sticky) {
        re.lastIndex = i;
        const match = re.exec(text);
        if (match && match[0].length > 0) {
          const value = match[0];
          const resolved =
            typeof kind === 'function'
              ? kind(value, text.slice(i + value.length, i + value.length + 40))
              : kind;
          if (resolved === 'plain') plain += value;
          else {
            flush();
            tokens.push({ kind: resolved, text: value });
          }
          i += value.length;
          continue outer;
        }
      }
      plain += text[i];
      i += 1;
    }
    flush();
    return tokens;
  };
}
