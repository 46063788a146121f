import type { HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { headerValue } from '../../protocols/http.ts';

// Drogon 1.9.13 compresses its own answers (lib/src/HttpServer.cc, getCompressedResponse): with use_gzip on,
// its default (useGzip_{true} in HttpAppFrameworkImpl.h), a response that shouldBeCompressed
// (HttpResponseImpl.cc: a body of 1,024 bytes or more, a content type before CT_APPLICATION_OCTET_STREAM
// such as JSON or HTML, no content-encoding yet, not streamed or sent from a file) to a request whose
// accept-encoding contains "gzip" gets its body replaced by zlib's gzip at Z_DEFAULT_COMPRESSION (level 6,
// MAX_WBITS + 16, memLevel 8; utils::gzipCompress) and a content-encoding: gzip header, with no Vary.
// Brotli would come first, but use_brotli is off by default.

/** shouldBeCompressed's threshold: `getBody().length() < 1024` is sent as it is. */
export const DROGON_GZIP_MIN = 1024;

/**
 * What Drogon does to the response its handler wrote. The core has no zlib, so the size of a body Drogon would
 * gzip cannot be given: it refuses such a response rather than show it plain. No answer the shop's scenarios
 * send from Drogon reaches the threshold (the longest is the 572-byte NotFound page).
 */
export function drogonGzip(request: HttpRequest, response: HttpResponse): HttpResponse {
  const length = byteLength(response.body);
  const type = headerValue(response.headers, 'content-type') ?? '';
  if (
    length >= DROGON_GZIP_MIN &&
    /^(application\/json|text\/html|text\/plain)/.test(type) &&
    headerValue(response.headers, 'content-encoding') === undefined &&
    (headerValue(request.headers, 'Accept-Encoding') ?? '').includes('gzip')
  )
    throw new Error(
      `Drogon would gzip this ${length}-byte answer (use_gzip, ${DROGON_GZIP_MIN} bytes or more); no compressed size is pinned for it`,
    );
  return response;
}
