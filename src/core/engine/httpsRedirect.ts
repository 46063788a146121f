import type { HttpResponse } from '../model/messages.ts';
import type { Outcome } from '../model/timeline.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { COST_MS } from '../world/world.ts';
import { exchange } from './exchange.ts';
import { navigationRequest } from './navigationRequest.ts';
import { nginxRedirect } from './nginxRedirect.ts';
import { openTcp } from './openTcp.ts';
import { parseUrl } from './parseUrl.ts';
import { requestFailed } from './requestFailed.ts';
import { tlsHandshake } from './tlsHandshake.ts';

/** The HTTPS address nginx's `return 301 https://$host$request_uri;` sends the browser to. */
const httpsLocation = (ctx: EngineContext): string => `https://${ctx.url.host}${ctx.url.target}`;

/** HSTS as the proxy's TLS server block sends it (edgeResponse): two years, in seconds. */
const HSTS_MAX_AGE = 63_072_000;

/** nginx's port-80 server block: it reads nothing but the Host and the path, and answers with its 301. */
export function proxyRedirects(ctx: EngineContext): HttpResponse {
  const location = httpsLocation(ctx);
  ctx.b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-redirect',
    phase: 'server',
    title: 'Port 80 only redirects',
    narration: `The proxy's server block for port 80 has one line: return 301 https://$host$request_uri. It forwards nothing to the app and answers at once, sending the browser to ${location}.`,
    why: 'Security: plain HTTP can be read and changed by anyone on the path, so the site serves nothing over it but the way to HTTPS.',
    message: internal(
      'return 301 https://$host$request_uri',
      `server {\n    listen 80;\n    server_name ${ctx.url.host};\n    return 301 https://$host$request_uri;\n}`,
    ),
  });
  return nginxRedirect(location, ctx.b.now());
}

/**
 * After nginx's 301: the browser follows Location to HTTPS (a new TCP connection to port 443 and a TLS
 * handshake; the redirected request gains the client hints and Fetch Metadata, Sec-Fetch-Site still none),
 * the answer's Strict-Transport-Security is stored, and the next visit to the http:// address never leaves
 * the browser: Chromium upgrades it itself with a synthesised "307 Internal Redirect" (net's
 * RedirectUtil::SynthesizeRedirectHeaders: Location, Cross-Origin-Resource-Policy, Non-Authoritative-Reason:
 * HSTS) and sends the request over the HTTPS connection it already has.
 */
export function followToHttps(ctx: EngineContext, address: string): Outcome {
  const { b } = ctx;
  const location = httpsLocation(ctx);
  const secure: EngineContext = { ...ctx, url: parseUrl(location) };
  openTcp(secure, address);
  const refused = tlsHandshake(secure);
  if (refused !== null) return requestFailed(secure, { kind: 'certificate', netError: refused });
  const request = navigationRequest(secure.url, true);
  exchange(secure, request, false);
  b.local('browser', COST_MS.cacheLookup, {
    id: 'hsts-stored',
    phase: 'response',
    title: 'Remember HSTS',
    narration: `The HTTPS answer carried Strict-Transport-Security: max-age=${HSTS_MAX_AGE}. The browser notes that for two years ${ctx.url.host} must be reached over HTTPS only: it will not even try port 80 again, and a certificate error there could no longer be clicked through. (The header counts only over HTTPS: on the 301 it would have been ignored, since anyone could have written it.)`,
    why: 'Security: after the first visit, an attacker on the path can no longer keep the browser on plain HTTP (SSL stripping). The very first visit stays exposed, unless the name is on the browsers’ preload list.',
    message: internal(
      `HSTS ${ctx.url.host} max-age=${HSTS_MAX_AGE}`,
      `Strict-Transport-Security: max-age=${HSTS_MAX_AGE}\n→ ${ctx.url.host}: upgrade to https, expires in ${HSTS_MAX_AGE} s (730 days)`,
    ),
    changes: [{ node: 'browser', key: 'HSTS', value: `${ctx.url.host} (max-age ${HSTS_MAX_AGE} s)` }],
  });

  b.local('browser', COST_MS.cacheLookup, {
    id: 'hsts-internal-redirect',
    phase: 'request',
    title: '307 Internal Redirect (HSTS)',
    narration: `The next visit (the clock leaves out the time between): the user types ${ctx.scenario.request.url} again. Before any DNS or connection, the browser finds ${ctx.url.host} in its HSTS list and rewrites the address to https:// itself. DevTools shows it as a 307 "Internal Redirect" that no server sent, with Non-Authoritative-Reason: HSTS. No request goes to port 80, so no 301 round trip.`,
    why: 'Performance and security: the redirect costs nothing, and nothing is ever sent in clear text.',
    message: internal(
      '307 Internal Redirect',
      `HTTP/1.1 307 Internal Redirect\nLocation: ${location}\nCross-Origin-Resource-Policy: Cross-Origin\nNon-Authoritative-Reason: HSTS`,
    ),
  });
  return exchange(secure, navigationRequest(secure.url, true), true)[0];
}
