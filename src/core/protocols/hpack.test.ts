import { describe, expect, it } from 'vitest';
import { chromePolicy, hpackEncoder } from './hpack.ts';

// RFC 7541 Appendix C.4: requests with Huffman coding, on one connection.
describe('hpackEncoder', () => {
  it('encodes RFC 7541 C.4’s three requests byte for byte, with its dynamic table', () => {
    const encode = hpackEncoder(chromePolicy);
    const base = [
      [':method', 'GET'],
      [':scheme', 'http'],
      [':path', '/'],
      [':authority', 'www.example.com'],
    ] as const;
    expect(encode(base).hex).toBe('828684418cf1e3c2e5f23a6ba0ab90f4ff');
    expect(encode([...base, ['cache-control', 'no-cache']]).hex).toBe('828684be5886a8eb10649cbf');
    const third = encode([
      [':method', 'GET'],
      [':scheme', 'https'],
      [':path', '/index.html'],
      [':authority', 'www.example.com'],
      ['custom-key', 'custom-value'],
    ]);
    expect(third.hex).toBe('828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf');
    expect(third.bytes).toBe(24);
  });

  it('writes a value raw when Huffman coding would not be shorter', () => {
    const block = hpackEncoder(chromePolicy)([['sec-ch-ua-mobile', '?0']]);
    expect(block.fields[0]).toMatchObject({
      huffman: false,
      kind: 'literal, incremental indexing',
      index: null,
    });
  });
});
