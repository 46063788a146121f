import type { HttpResponse } from '../model/messages.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { httpResponse } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { unixSeconds } from '../protocols/worldTime.ts';

/** The shop's stylesheet on the proxy's disk, and when it was last written (world clock, before step 1). */
export const STYLESHEET = {
  path: '/static/app.css',
  body: ':root{--brand:#0072b2}\nbody{margin:0;font:16px/1.5 system-ui,sans-serif;color:#222}\n',
  /** 2026-11-20 08:00:00 UTC: four days and an hour before the world's start. */
  modifiedMs: -(4 * 24 + 1) * 3_600_000,
  /** What the shop's nginx adds for its fingerprinted static files (`add_header` in `location /static/`). */
  cacheControl: 'public, max-age=31536000, immutable',
} as const;

/**
 * nginx serving the stylesheet from disk (`root`, mime.types, server_tokens off), as nginx 1.22 writes it:
 * Server, Date, Content-Type, Content-Length, Last-Modified, Connection, its ETag (the file's mtime and size
 * in hex), then the location's `add_header`s (Cache-Control, and Strict-Transport-Security on HTTPS), then
 * Accept-Ranges. Checked against a real nginx in tests/truth/browserCache.test.ts.
 */
export function nginxStaticFile(nowMs: number, https: boolean): HttpResponse {
  const { body, modifiedMs, cacheControl } = STYLESHEET;
  const tag = `"${unixSeconds(modifiedMs).toString(16)}-${byteLength(body).toString(16)}"`;
  return httpResponse(
    200,
    [
      ['Server', 'nginx'],
      ['Date', httpDate(nowMs)],
      ['Content-Type', 'text/css'],
      ['Content-Length', ''],
      ['Last-Modified', httpDate(modifiedMs)],
      ['Connection', 'keep-alive'],
      ['ETag', tag],
      ['Cache-Control', cacheControl],
      ...(https ? [['Strict-Transport-Security', 'max-age=63072000'] as const] : []),
      ['Accept-Ranges', 'bytes'],
    ],
    body,
  );
}
