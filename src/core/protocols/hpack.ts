import type { Header } from '../model/messages.ts';
import { HUFFMAN_CODES, STATIC_TABLE } from './hpackTables.ts';

/** How one header field was written into a header block (RFC 7541 §6). */
export interface HpackField {
  readonly name: string;
  readonly value: string;
  /** indexed: the whole field is a table entry; the literals carry the value (and the name unless indexed). */
  readonly kind: 'indexed' | 'literal, incremental indexing' | 'literal, without indexing';
  /** The table index used for the field or its name (1-61 static, 62+ dynamic), or null for a new name. */
  readonly index: number | null;
  /** The representation's bytes on the wire. */
  readonly bytes: number;
  /** Whether the value went Huffman-coded. */
  readonly huffman: boolean;
  /** Where a field inserted into the dynamic table sits right after it was added (62), or null. */
  readonly added: number | null;
}

export interface HpackBlock {
  readonly fields: readonly HpackField[];
  /** The header block as hex. */
  readonly hex: string;
  readonly bytes: number;
  /** The same fields as HTTP/1.1 text would spell them: "name: value\r\n" each. */
  readonly plainBytes: number;
}

/** Whose encoder: which fields it adds to the dynamic table. */
export type IndexPolicy = (name: string) => boolean;

/**
 * Chromium's (quiche's HpackEncoder::DefaultPolicy): every regular field is added to the dynamic table; of the
 * pseudo-headers only :authority, which rarely changes.
 */
export const chromePolicy: IndexPolicy = (name) => !name.startsWith(':') || name === ':authority';

const utf8 = new TextEncoder();

export const toHex = (bytes: readonly number[]): string =>
  bytes.map((b) => b.toString(16).padStart(2, '0')).join('');

/** What the same fields take as HTTP/1.1 text: "name: value\r\n" each. */
export const plainBytes = (headers: readonly Header[]): number =>
  headers.reduce((sum, [n, v]) => sum + utf8.encode(`${n}: ${v}\r\n`).length, 0);

/** An integer with an N-bit prefix (RFC 7541 §5.1), the prefix's high bits set to `first`. */
export function integer(value: number, prefixBits: number, first: number): number[] {
  const max = 2 ** prefixBits - 1;
  if (value < max) return [first | value];
  const out = [first | max];
  let rest = value - max;
  while (rest >= 128) {
    out.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** The Huffman coding of `data` (RFC 7541 §5.2, Appendix B), padded with the EOS prefix's ones. */
function huffman(data: Uint8Array): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const byte of data) {
    const [length, code] = HUFFMAN_CODES[byte]!;
    for (let i = length - 1; i >= 0; i--) {
      acc = acc * 2 + (Math.floor(code / 2 ** i) % 2);
      if (++bits === 8) {
        out.push(acc);
        acc = 0;
        bits = 0;
      }
    }
  }
  if (bits > 0) out.push(acc * 2 ** (8 - bits) + (2 ** (8 - bits) - 1));
  return out;
}

/** A string literal: Huffman-coded when that is shorter, as Chromium's and nginx's encoders decide. */
export function literal(text: string): { bytes: number[]; huffman: boolean } {
  const raw = utf8.encode(text);
  const coded = huffman(raw);
  return coded.length < raw.length
    ? { bytes: [...integer(coded.length, 7, 0x80), ...coded], huffman: true }
    : { bytes: [...integer(raw.length, 7, 0), ...raw], huffman: false };
}

const entrySize = (name: string, value: string): number =>
  utf8.encode(name).length + utf8.encode(value).length + 32;

/**
 * An HPACK encoder for one direction of one connection: its dynamic table lives as long as the encoder
 * (so later blocks on the connection index what earlier ones added), bounded by the peer's
 * SETTINGS_HEADER_TABLE_SIZE (4,096 bytes unless the peer says otherwise).
 */
export function hpackEncoder(policy: IndexPolicy, tableSize = 4096) {
  let dynamic: (readonly [string, string])[] = [];
  const find = (name: string, value: string | null): number | null => {
    const s = STATIC_TABLE.findIndex(([n, v]) => n === name && (value === null || v === value));
    if (s >= 0) return s + 1;
    const d = dynamic.findIndex(([n, v]) => n === name && (value === null || v === value));
    return d >= 0 ? STATIC_TABLE.length + 1 + d : null;
  };
  const add = (name: string, value: string): void => {
    dynamic = [[name, value], ...dynamic];
    let size = dynamic.reduce((sum, [n, v]) => sum + entrySize(n, v), 0);
    while (size > tableSize && dynamic.length > 0) {
      const [n, v] = dynamic.pop()!;
      size -= entrySize(n, v);
    }
  };

  return (headers: readonly Header[]): HpackBlock => {
    const fields: HpackField[] = [];
    const bytes: number[] = [];
    for (const [name, value] of headers) {
      const exact = find(name, value);
      if (exact !== null) {
        const out = integer(exact, 7, 0x80);
        bytes.push(...out);
        fields.push({
          name,
          value,
          kind: 'indexed',
          index: exact,
          bytes: out.length,
          huffman: false,
          added: null,
        });
        continue;
      }
      const indexing = policy(name);
      const nameIndex = find(name, null);
      const head = nameIndex ?? 0;
      const out = indexing ? integer(head, 6, 0x40) : integer(head, 4, 0);
      if (nameIndex === null) out.push(...literal(name).bytes);
      const coded = literal(value);
      out.push(...coded.bytes);
      bytes.push(...out);
      if (indexing) add(name, value);
      fields.push({
        name,
        value,
        kind: indexing ? 'literal, incremental indexing' : 'literal, without indexing',
        index: nameIndex,
        bytes: out.length,
        huffman: coded.huffman,
        added: indexing ? STATIC_TABLE.length + 1 : null,
      });
    }
    return {
      fields,
      hex: toHex(bytes),
      bytes: bytes.length,
      plainBytes: plainBytes(headers),
    };
  };
}
