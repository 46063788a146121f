/** One key for a link whichever way it is walked. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}
