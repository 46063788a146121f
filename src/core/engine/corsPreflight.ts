import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpRequest, httpResponse, statusText } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { API_CORS, COST_MS, USER_AGENT } from '../world/world.ts';
import { fetchSite, originOf, unsafeHeaderNames } from './cors.ts';
import { pageHeaders } from './browserRequest.ts';

/**
 * The preflight Chromium sends before a cross-origin request that needs one, in its order (recorded from
 * Chromium 156 in tests/truth/cors.test.ts): Accept: *\/*, the method and the unsafe header names asked
 * about, Origin, then Fetch Metadata; no client hints, no body, and none of the page's own headers.
 */
export function preflightRequest(ctx: EngineContext, page: string): HttpRequest {
  const { url, scenario } = ctx;
  return httpRequest('OPTIONS', url.target, [
    ['Host', originOf(url).replace(/^https?:\/\//, '')],
    ['Connection', 'keep-alive'],
    ['Accept', '*/*'],
    ['Access-Control-Request-Method', scenario.request.method],
    ['Access-Control-Request-Headers', unsafeHeaderNames(pageHeaders(scenario, url)).join(',')],
    ['Origin', page],
    ['User-Agent', USER_AGENT],
    ['Sec-Fetch-Mode', 'cors'],
    ['Sec-Fetch-Site', fetchSite(page, url)],
    ['Sec-Fetch-Dest', 'empty'],
    ['Referer', `${page}/`],
    ['Accept-Encoding', url.https ? 'gzip, deflate, br, zstd' : 'gzip, deflate'],
    ['Accept-Language', 'en-US,en;q=0.9'],
  ]);
}

/**
 * nginx's answer from the API's server block, `if ($request_method = OPTIONS) { add_header …; return 204; }`:
 * 204 with Server, Date and Connection, then the `add_header`s in their order (checked against nginx 1.22 in
 * tests/truth/cors.test.ts). A 204 has no body, so no Content-Type or Content-Length.
 */
export function nginxPreflight(nowMs: number, https: boolean): HttpResponse {
  return httpResponse(204, [
    ['Server', 'nginx'],
    ['Date', httpDate(nowMs)],
    ['Connection', 'keep-alive'],
    ['Access-Control-Allow-Origin', API_CORS.origin],
    ['Access-Control-Allow-Methods', API_CORS.methods],
    ['Access-Control-Allow-Headers', API_CORS.headers],
    ['Access-Control-Max-Age', String(API_CORS.maxAge)],
    ...(https ? [['Strict-Transport-Security', 'max-age=63072000'] as const] : []),
  ]);
}

/** The console's words when a preflight does not allow a header (Chromium's CORS error string). */
const refusedText = (url: string, page: string, header: string): string =>
  `Access to fetch at '${url}' from origin '${page}' has been blocked by CORS policy: Request header field ${header} is not allowed by Access-Control-Allow-Headers in preflight response.`;

/**
 * The CORS preflight before a cross-origin request that needs one: the OPTIONS the browser sends, nginx's 204
 * with Access-Control-Allow-*, and the browser's check of it, which lets the real request go. The check's
 * narration says what a refusal looks like: it happens in the browser, the server having answered normally.
 */
export function corsPreflight(ctx: EngineContext, page: string, reused: boolean): void {
  const { b, url, scenario } = ctx;
  const preflight = preflightRequest(ctx, page);
  const asked = unsafeHeaderNames(pageHeaders(scenario, url));
  b.hop('browser', ctx.edge, 'request', {
    id: 'cors-preflight',
    phase: 'request',
    title: `OPTIONS ${url.target} (preflight)`,
    narration: `The page on ${page} asks for ${scenario.request.method} on another origin, ${originOf(url)}, with headers a plain form could not send (${asked.join(', ')}). Before sending it, ${reused ? 'over its open connection, ' : ''}the browser asks the server's permission: an OPTIONS preflight naming the method and those headers, with no body and without the page's Authorization.`,
    message: httpMessage(preflight),
  });
  b.local(ctx.edge, COST_MS.proxyRoute, {
    id: 'proxy-preflight',
    phase: 'server',
    title: 'nginx answers the preflight',
    narration: `The proxy's server block for ${url.host} answers every OPTIONS itself with the API's CORS policy; the app never sees it. (A framework's CORS middleware — cors for Express, CORSMiddleware in FastAPI, @CrossOrigin in Spring… — can do the same job inside the app.)`,
    message: internal(
      'return 204 with Access-Control-Allow-*',
      `if ($request_method = OPTIONS) {\n    add_header Access-Control-Allow-Origin "${API_CORS.origin}" always;\n    add_header Access-Control-Allow-Methods "${API_CORS.methods}" always;\n    add_header Access-Control-Allow-Headers "${API_CORS.headers}" always;\n    add_header Access-Control-Max-Age ${API_CORS.maxAge} always;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    return 204;\n}`,
    ),
  });
  const answer = nginxPreflight(b.now(), url.https);
  b.hop(ctx.edge, 'browser', 'response', {
    id: 'cors-preflight-response',
    phase: 'response',
    title: `${statusText(answer)} (preflight)`,
    narration: `The proxy answers 204 No Content: ${API_CORS.origin} may use ${API_CORS.methods} with ${API_CORS.headers}, and the browser may remember this for ${API_CORS.maxAge} seconds.`,
    message: httpMessage(answer),
  });
  b.local('browser', COST_MS.cacheLookup, {
    id: 'cors-check',
    phase: 'request',
    title: 'CORS check passes',
    narration: `The browser checks the answer: the origin is allowed, ${scenario.request.method} is allowed, and so are ${asked.join(' and ')}. It caches the permission for ${API_CORS.maxAge} s (Chromium's cap; its default without Max-Age is 5 s) and sends the real request. Had Access-Control-Allow-Headers left out Authorization, the browser would have stopped here: the ${scenario.request.method} is never sent, fetch() rejects with TypeError: Failed to fetch, and the console reads: ${refusedText(scenario.request.url, page, 'authorization')}`,
    why: 'Security: CORS is enforced by the browser, for the user: it stops another site’s script from using the user’s browser to read or change their data on this API. The server answered normally and saw only the OPTIONS; curl or another server ignores CORS, so it is never a substitute for authentication.',
    message: internal(
      'preflight allowed',
      `origin ${page}: allowed (Access-Control-Allow-Origin: ${API_CORS.origin})\nmethod ${scenario.request.method}: allowed\nheaders ${asked.join(',')}: allowed\ncached for ${API_CORS.maxAge} s`,
    ),
    changes: [
      {
        node: 'browser',
        key: 'CORS preflight cache',
        value: `${page} → ${originOf(url)} ${scenario.request.method} ${asked.join(',')} (${API_CORS.maxAge} s)`,
      },
    ],
  });
}
