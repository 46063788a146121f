import type { CodeMark, HandlerSource } from './types.ts';

const MARK = /\s*«([a-zA-Z]+)»\s*$/;

/**
 * Turns source written with end-of-line markers (`  const rows = await db.query(...) «query»`) into
 * clean source and the line numbers of the marks, so code and its marks cannot drift apart.
 */
export function markedSource(file: string, text: string): HandlerSource {
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n\s*$/, '')
    .split('\n');
  const marks: Partial<Record<CodeMark, number>> = {};
  const clean = lines.map((line, i) => {
    const match = MARK.exec(line);
    if (!match) return line;
    marks[match[1] as CodeMark] = i + 1;
    return line.slice(0, match.index);
  });
  return { file, source: clean.join('\n'), marks };
}
