import { byteLength } from '../protocols/byteLength.ts';

/** FNV-1a, 32 bits, over the UTF-16 code units: a short name for one body. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The key a body's compressed size is pinned under: its UTF-8 length and its hash. */
export const gzipKey = (body: string): string => `${byteLength(body)}:${fnv1a(body)}`;

/**
 * The chunks a real nginx 1.22 (Debian's, zlib 1.2.13, gzip_comp_level 1, gzip_buffers 32 4k) sends for each
 * body the compressed scenario relays, in bytes of gzip data per chunk. The core has no zlib, and Node's zlib is
 * not nginx's: Node's is Chromium's, which finds other matches (4,067 bytes where nginx, and Python's zlib 1.2.13
 * at the same settings, give 4,201). So the sizes are measured: tests/truth/nginxGzip.test.ts compresses every
 * one with nginx and prints this table when a body changes.
 */
const GZIP_CHUNKS: Readonly<Record<string, readonly number[]>> = {
  // 250 products as every shown stack's framework writes them (compact JSON, the columns' order): 20,389 bytes.
  '20389:1b53cc6a': [4201],
};

/** The chunk sizes pinned for `body`, or undefined when none are. */
export const pinnedGzipChunks = (body: string): readonly number[] | undefined => GZIP_CHUNKS[gzipKey(body)];

/** The chunk sizes nginx sends for `body` compressed. */
export function gzipChunks(body: string): readonly number[] {
  const chunks = pinnedGzipChunks(body);
  if (!chunks)
    throw new Error(
      `No gzip size is pinned for this ${byteLength(body)}-byte body (key ${gzipKey(body)}): run tests/truth/nginxGzip.test.ts`,
    );
  return chunks;
}
