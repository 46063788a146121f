import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { chunkedGzipBytes } from '../protocols/chunkedGzip.ts';
import { wireBytes } from '../protocols/wireBytes.ts';
import { headerValue } from '../protocols/http.ts';
import { groupDigits } from '../format/groupDigits.ts';
import { COST_MS } from '../world/world.ts';
import { gzipChunks } from './gzipChunks.ts';

/** The statuses nginx's gzip filter compresses (ngx_http_gzip_header_filter); any other passes as it is. */
const COMPRESSED_STATUSES = new Set([200, 403, 404]);

/** gzip_min_length's default: a shorter body (by its Content-Length) is sent as it is. */
const GZIP_MIN_LENGTH = 20;

/** Whether nginx's gzip filter (gzip_types application/json) compresses `response` for `request`. */
export function gzips(request: HttpRequest, response: HttpResponse): boolean {
  const type = (headerValue(response.headers, 'Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  const length = Number(headerValue(response.headers, 'Content-Length') ?? Infinity);
  return (
    COMPRESSED_STATUSES.has(response.status) &&
    headerValue(response.headers, 'Content-Encoding') === undefined &&
    (type === 'application/json' || type === 'text/html') &&
    length >= GZIP_MIN_LENGTH &&
    /(^|[\s,])gzip($|[\s,;])/i.test(headerValue(request.headers, 'Accept-Encoding') ?? '')
  );
}

/**
 * nginx's gzip filter on the response it relays (`gzip on; gzip_types application/json; gzip_vary on;`, level 1):
 * the body compressed into chunks, Content-Length replaced by Transfer-Encoding: chunked (the length is not
 * known until the last byte is compressed), `Vary: Accept-Encoding` after Connection, a strong ETag made weak
 * (the bytes differ, the meaning does not) and Content-Encoding: gzip last. Header for header and byte for byte
 * what nginx 1.22 sends (tests/truth/nginxGzip.test.ts); the compressed sizes are pinned in `gzipChunks`.
 * Writes the proxy's step and returns the response unchanged when the filter leaves it alone.
 */
export function nginxGzip(ctx: EngineContext, request: HttpRequest, response: HttpResponse): HttpResponse {
  if (!gzips(request, response)) return response;
  const chunks = gzipChunks(response.body);
  const before = byteLength(response.body);
  const after = chunks.reduce((n, size) => n + size, 0);
  const headers = response.headers.flatMap(([name, value]): [string, string][] => {
    if (name === 'Content-Length') return [['Transfer-Encoding', 'chunked']];
    if (name === 'Connection')
      return [
        [name, value],
        ['Vary', 'Accept-Encoding'],
      ];
    if (name === 'ETag' && !value.startsWith('W/')) return [[name, `W/${value}`]];
    return [[name, value]];
  });
  ctx.b.local('proxy', COST_MS.gzipByte * before, {
    id: 'proxy-gzip',
    phase: 'response',
    title: `gzip: ${groupDigits(before)} → ${groupDigits(after)} bytes`,
    narration: `The browser said Accept-Encoding: ${headerValue(request.headers, 'Accept-Encoding') ?? ''}, and the answer is JSON, which gzip_types lists, so nginx compresses it on the way out with zlib at gzip_comp_level 1, its default and fastest level: ${groupDigits(before)} bytes become ${groupDigits(after)} (${Math.round((after / before) * 100)}%). JSON repeats itself (the same keys in every product), which is what deflate removes. Not knowing the length until the last byte is compressed, nginx drops Content-Length and sends the body in chunks.`,
    why: 'Performance: a few hundred microseconds of CPU at the proxy save most of the bytes on the slowest part of the path, the user’s connection. Brotli would save more; nginx needs the ngx_brotli module for it, which Debian’s nginx packages do not include.',
    message: internal(
      `gzip ${groupDigits(before)} → ${groupDigits(after)} bytes`,
      `gzip on; gzip_types application/json; gzip_vary on;  # gzip_comp_level 1 (default)\n${before} bytes of JSON → ${after} bytes of gzip (${chunkedGzipBytes(chunks)} on the wire in ${chunks.length} chunk${chunks.length === 1 ? '' : 's'})`,
    ),
  });
  return {
    ...response,
    headers: [...headers, ['Content-Encoding', 'gzip']],
    coding: { name: 'gzip', chunks, identityBytes: wireBytes(response) },
  };
}
