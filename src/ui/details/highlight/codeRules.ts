import type { Rule } from './lexer.ts';

const KEYWORDS: Readonly<Record<string, string>> = {
  javascript:
    'async await break case catch class const continue default delete do else export extends false finally for from function if import in instanceof let new null of return static super switch this throw true try typeof undefined var void while yield',
  python:
    'and as assert async await break class continue def del elif else except False finally for from global if import in is lambda None nonlocal not or pass raise return True try while with yield',
  java: 'abstract boolean break case catch class continue default do double else enum extends false final finally float for if implements import instanceof int interface long new null package private protected public return static super switch this throw throws true try var void while',
  ruby: 'begin break case class def do else elsif end ensure false if in module next nil not or redo rescue retry return self super then true unless until when while yield',
  go: 'break case chan const continue default defer else fallthrough false for func go goto if import interface map nil package range return select struct switch true type var',
  php: 'abstract array as break case catch class const continue default do echo else elseif extends false final finally fn for foreach function if implements new null private protected public return static switch this throw true try use while',
  cpp: 'auto bool break case catch class co_await co_return co_yield const constexpr continue default delete do double else enum false for if int long namespace new nullptr private protected public return static struct switch template this throw true try typename using virtual void while',
};

const HASH_COMMENTS = new Set(['python', 'ruby', 'php']);
const SLASH_COMMENTS = new Set(['javascript', 'java', 'go', 'php', 'cpp']);

/** Rules for a handler language: comments, strings, annotations, numbers, keywords, calls. */
export function codeRules(language: string): Rule[] {
  const keywords = new Set((KEYWORDS[language] ?? KEYWORDS.javascript ?? '').split(' '));
  const rules: Rule[] = [];
  if (SLASH_COMMENTS.has(language)) rules.push([/\/\/[^\n]*/, 'comment'], [/\/\*[\s\S]*?\*\//, 'comment']);
  if (HASH_COMMENTS.has(language)) rules.push([/#[^\n]*/, 'comment']);
  rules.push(
    [/"(?:[^"\\\n]|\\.)*"/, 'string'],
    [/'(?:[^'\\\n]|\\.)*'/, 'string'],
    [/`(?:[^`\\]|\\.)*`/, 'string'],
    [/@[A-Za-z_][\w.]*/, 'meta'],
    [/:[A-Za-z_]\w*/, language === 'ruby' ? 'string' : 'plain'],
    [/\$[A-Za-z_]\w*/, 'variable'],
    [/\b\d+(?:\.\d+)?\b/, 'number'],
    [
      /[A-Za-z_]\w*/,
      (word, rest) => (keywords.has(word) ? 'keyword' : /^\s*\(/.test(rest) ? 'function' : 'plain'),
    ],
  );
  return rules;
}
