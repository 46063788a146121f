import type { Grammar } from './Token.ts';

const KNOWN: ReadonlySet<string> = new Set([
  'javascript',
  'python',
  'java',
  'ruby',
  'go',
  'php',
  'cpp',
  'sql',
  'json',
  'http',
  'dig',
]);

/** Maps a language name from the core ("javascript", "typescript", "golang", "c++"...) to a grammar. */
export function grammarFor(language: string): Grammar {
  const name = language.toLowerCase();
  if (name === 'typescript' || name === 'js' || name === 'ts') return 'javascript';
  if (name === 'golang') return 'go';
  if (name === 'c++') return 'cpp';
  return KNOWN.has(name) ? (name as Grammar) : 'plain';
}
