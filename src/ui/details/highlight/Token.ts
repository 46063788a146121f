/** A run of text and what it is, for colouring. */
export type TokenKind =
  'plain' | 'keyword' | 'string' | 'number' | 'comment' | 'function' | 'key' | 'meta' | 'variable';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

/** The languages the highlighter knows: handler languages, query languages and wire formats. */
export type Grammar =
  | 'javascript'
  | 'python'
  | 'java'
  | 'ruby'
  | 'go'
  | 'php'
  | 'cpp'
  | 'sql'
  | 'json'
  | 'http'
  | 'dig'
  | 'plain';
