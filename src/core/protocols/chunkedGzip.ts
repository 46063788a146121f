/**
 * nginx's gzip header (RFC 1952): magic 1f 8b, deflate, no flags, no time, XFL 04 for its fastest level
 * (gzip_comp_level 1), OS 03 (Unix). Seen on the wire from a real nginx in tests/truth/nginxGzip.test.ts.
 */
export const NGINX_GZIP_HEADER = '1f 8b 08 00 00 00 00 00 04 03';

/**
 * A gzip stream in HTTP/1.1 chunks as text: each chunk's size in hex, CRLF, its data, CRLF, and the last chunk
 * (0, CRLF, CRLF). The data is binary, so each chunk's data is a bracketed line saying what is there.
 */
export function chunkedGzipText(chunks: readonly number[]): string {
  return (
    chunks
      .map(
        (size, i) =>
          `${size.toString(16)}\r\n[${size} bytes of gzip${i === 0 ? `: ${NGINX_GZIP_HEADER}, then deflate data` : ''}${i === chunks.length - 1 ? ', ending with its CRC-32 and length' : ''}]\r\n`,
      )
      .join('') + '0\r\n\r\n'
  );
}

/** How many bytes the chunked gzip body takes on the wire: the data and every chunk's framing. */
export function chunkedGzipBytes(chunks: readonly number[]): number {
  return chunks.reduce((n, size) => n + size.toString(16).length + 2 + size + 2, 0) + 5;
}
