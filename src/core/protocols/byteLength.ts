/** Length of a string in UTF-8 bytes: what Content-Length counts. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
