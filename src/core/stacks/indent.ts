/** Prefixes every non-empty line with `by`, so a block of handler code can sit inside another. */
export function indent(lines: readonly string[], by: string): string[] {
  return lines.map((line) => (line === '' ? line : by + line));
}
