import type { HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { headerValue } from '../../protocols/http.ts';

// FrankenPHP's Caddy in front of Laravel: Octane's Caddyfile (src/Commands/stubs/Caddyfile) has
// `encode zstd br gzip` in the route before php_server, as FrankenPHP's own Caddyfile does. Read in Caddy
// v2.11.4 (modules/caddyhttp/encode/encode.go; FrankenPHP's caddy/go.mod requires it, and builds in
// dunglas/caddy-cbrotli for br):
// - ServeHTTP wraps the response writer for the first of AcceptedEncodings(r, Prefer) it offers, unless the
//   request says Cache-Control: no-transform. AcceptedEncodings sorts the client's codings by q, then by
//   Prefer, which caddyfile.go takes from the directive's order: zstd, br, gzip. q=0 is refused.
// - WriteHeader: a 304 gets Vary: Accept-Encoding when it has none (caddy#5849: as the 200 would have).
// - Write: a body longer than minimum_length (512 bytes by default: `len(p) > MinLength`) whose
//   Content-Type matches the default list (application/json*, text/* and others) and which has no
//   Content-Encoding is compressed: Content-Length and Accept-Ranges removed, Content-Encoding set, Vary
//   added, a strong ETag suffixed with -zstd.

/** `encode zstd br gzip`: the encoders in the order the Caddyfile names them, which becomes Prefer. */
const PREFER = ['zstd', 'br', 'gzip'] as const;
export type CaddyCoding = (typeof PREFER)[number];

/** encode's default minimum_length (defaultMinLength): a body must be longer to be compressed. */
export const CADDY_MIN_LENGTH = 512;

/** The default response matcher's types the shop's answers can have. */
const COMPRESSIBLE = /^(application\/json|text\/)/i;

/** The coding Caddy's encode chooses for `request` (AcceptedEncodings, then the first it offers), or null. */
export function caddyEncoding(request: HttpRequest): CaddyCoding | null {
  if ((headerValue(request.headers, 'Cache-Control') ?? '').includes('no-transform')) return null;
  const offered = (headerValue(request.headers, 'Accept-Encoding') ?? '')
    .split(',')
    .map((part) => {
      const [name = '', params] = part.split(/;(.*)/s);
      const q = /^\s*q=([0-9.]+)/i.exec(params ?? '')?.[1];
      const value = q === undefined ? 1 : Number(q);
      return { name: name.trim().toLowerCase(), q: value >= 0 && value <= 1 ? value : 1 };
    })
    .filter((c) => c.q >= 0.00001 && (PREFER as readonly string[]).includes(c.name));
  // Sorting by q, then by Prefer: the first of what remains is the one used.
  const rank = (name: string) => PREFER.indexOf(name as CaddyCoding);
  offered.sort((a, b) => (Math.abs(a.q - b.q) < 0.00001 ? rank(a.name) - rank(b.name) : b.q - a.q));
  return (offered[0]?.name as CaddyCoding | undefined) ?? null;
}

/** hasVaryValue: whether any Vary line already names Accept-Encoding (else h.Add writes one more line). */
const varies = (response: HttpResponse): boolean =>
  response.headers.some(
    ([n, v]) =>
      n.toLowerCase() === 'vary' && v.split(',').some((x) => x.trim().toLowerCase() === 'accept-encoding'),
  );

/**
 * What Caddy's encode does to the response PHP wrote. The core has no zstd, brotli or Go gzip, so the size of a
 * body Caddy would compress cannot be given: it refuses such a response rather than show it plain. No answer
 * the shop's scenarios send from Laravel comes near the threshold (the longest is 121 bytes).
 */
export function caddyEncode(request: HttpRequest, response: HttpResponse): HttpResponse {
  const coding = caddyEncoding(request);
  if (coding === null) return response;
  if (response.status === 304)
    return varies(response)
      ? response
      : { ...response, headers: [...response.headers, ['Vary', 'Accept-Encoding']] };
  const length = byteLength(response.body);
  if (
    length > CADDY_MIN_LENGTH &&
    COMPRESSIBLE.test(headerValue(response.headers, 'Content-Type') ?? '') &&
    headerValue(response.headers, 'Content-Encoding') === undefined &&
    !(headerValue(response.headers, 'Cache-Control') ?? '').includes('no-transform')
  )
    throw new Error(
      `Caddy would compress this ${length}-byte answer with ${coding} (over encode’s minimum_length of ${CADDY_MIN_LENGTH}); no compressed size is pinned for it`,
    );
  return response;
}
