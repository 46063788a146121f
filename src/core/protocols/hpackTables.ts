// HPACK's fixed tables (RFC 7541 Appendix A and B), as hpack.js 2.1.6 (MIT) holds them.

/** The static table: entries 1 to 61, in order (index i is STATIC_TABLE[i - 1]). */
export const STATIC_TABLE: readonly (readonly [name: string, value: string])[] = [
  [':authority', ''],
  [':method', 'GET'],
  [':method', 'POST'],
  [':path', '/'],
  [':path', '/index.html'],
  [':scheme', 'http'],
  [':scheme', 'https'],
  [':status', '200'],
  [':status', '204'],
  [':status', '206'],
  [':status', '304'],
  [':status', '400'],
  [':status', '404'],
  [':status', '500'],
  ['accept-charset', ''],
  ['accept-encoding', 'gzip, deflate'],
  ['accept-language', ''],
  ['accept-ranges', ''],
  ['accept', ''],
  ['access-control-allow-origin', ''],
  ['age', ''],
  ['allow', ''],
  ['authorization', ''],
  ['cache-control', ''],
  ['content-disposition', ''],
  ['content-encoding', ''],
  ['content-language', ''],
  ['content-length', ''],
  ['content-location', ''],
  ['content-range', ''],
  ['content-type', ''],
  ['cookie', ''],
  ['date', ''],
  ['etag', ''],
  ['expect', ''],
  ['expires', ''],
  ['from', ''],
  ['host', ''],
  ['if-match', ''],
  ['if-modified-since', ''],
  ['if-none-match', ''],
  ['if-range', ''],
  ['if-unmodified-since', ''],
  ['last-modified', ''],
  ['link', ''],
  ['location', ''],
  ['max-forwards', ''],
  ['proxy-authenticate', ''],
  ['proxy-authorization', ''],
  ['range', ''],
  ['referer', ''],
  ['refresh', ''],
  ['retry-after', ''],
  ['server', ''],
  ['set-cookie', ''],
  ['strict-transport-security', ''],
  ['transfer-encoding', ''],
  ['user-agent', ''],
  ['vary', ''],
  ['via', ''],
  ['www-authenticate', ''],
];

/**
 * The length in bits of each byte value's Huffman code, 0-255, then EOS (256), as letters: A is 5 bits, Z 30.
 * HPACK's code is canonical, so the lengths alone give the codes: shorter first, and in symbol order within a
 * length (checked against hpack.js's table; RFC 7541 C.4's bytes in hpack.test.ts).
 */
const LENGTHS =
  'ISXXXXXXXTZXXZXXXXXXXXZXXXXXXXXXBFFHIBDGFFDGDBBBAAABBBBBBBCDKBHFIBCCCCCCCCCCCCCCCCCCCCCCDCDIOIJBKABABABBBACCBBBABCBAABCCCCCKGJIXPRPPRRRSRSSSSSTSTTRSTSSSSQRSRSSTRQPRRSSQSRRTQRSSQQRQSRSSPRRRSRRSVVPORSRUVVVWWVTUOQVWWVWTQQVVXWWWPTPQRQQSRRUUTTVSVWVVWWWWWXWWWWWVZ';

/** The Huffman code of each byte value 0-255 and of EOS (256): its length in bits, then the code. */
export const HUFFMAN_CODES: readonly (readonly [bits: number, code: number])[] = (() => {
  const bits = [...LENGTHS].map((c) => c.charCodeAt(0) - 60);
  const order = bits.map((b, symbol) => [b, symbol] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const codes: [number, number][] = [];
  let code = 0;
  let length = order[0]![0];
  for (const [b, symbol] of order) {
    code *= 2 ** (b - length);
    length = b;
    codes[symbol] = [b, code];
    code += 1;
  }
  return codes;
})();
