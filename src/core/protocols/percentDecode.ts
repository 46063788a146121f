const decoder = new TextDecoder('utf-8');

/**
 * A path segment with its %XX escapes decoded as UTF-8, as servers hand route parameters to code. Never
 * throws: an escape that is not two hex digits stays as it is, and bytes that are not UTF-8 become U+FFFD
 * (Python's `unquote` does both; WHATWG's percent-decode keeps bad escapes too).
 */
export function percentDecode(segment: string): string {
  if (!segment.includes('%')) return segment;
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < segment.length;) {
    const hex = segment.slice(i + 1, i + 3);
    if (segment[i] === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      const ch = String.fromCodePoint(segment.codePointAt(i) ?? 0);
      bytes.push(...utf8.encode(ch));
      i += ch.length;
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}
