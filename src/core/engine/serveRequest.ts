import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import { runApp } from '../app/runApp.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { headerValue, statusText } from '../protocols/http.ts';
import { nginxStaticFile } from './nginxStaticFile.ts';
import { edgeResponse } from './edgeResponse.ts';
import { nginxRelay } from './nginxRelay.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import { forwardedRequest } from './forwardedRequest.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { nginxError } from '../protocols/nginxError.ts';
import { proxyRefuses } from './proxyRefuses.ts';
import { extra } from '../extras/ExtraStages.ts';
import { edgeSpeaksH2 } from './edgeSpeaksH2.ts';

/**
 * What the edge (CDN or proxy) answers to the browser's request, after everything behind it has run: the
 * framework's response as the proxy relayed it (or the proxy's or CDN's own), with the edge's last change.
 */
export function serveRequest(ctx: EngineContext, request: HttpRequest): HttpResponse {
  const response = edgeResponse(
    ctx,
    ctx.edge === 'cdn' ? serveAtCdn(ctx, request) : serveAtProxy(ctx, request),
  );
  return ctx.edge === 'proxy' && ctx.scenario.gzip
    ? extra(ctx.extras, 'gzip').nginxGzip(ctx, request, response)
    : response;
}

/** Seconds the CDN's copy of the stylesheet has been stored ('warm' start). */
const CDN_STORED_S = 3600;

/**
 * What the edge sends from its cache: the stored response as the origin sent it, its Date the origin's, with
 * Age, the seconds since (RFC 9111 §4.2.3: the copy arrived with Date ≈ its response time, so its current age
 * is its time resident in the cache; §5.1), and the cache's verdict. On a miss the response is minutes old, Age 0.
 */
const fromCdn = (stored: HttpResponse, ageS: number, verdict: 'HIT' | 'MISS'): HttpResponse => ({
  ...stored,
  headers: [...stored.headers, ['Age', String(ageS)], ['X-Cache', verdict]],
});

function serveAtCdn(ctx: EngineContext, request: HttpRequest): HttpResponse {
  const { b } = ctx;
  const hit = ctx.scenario.start.cdnCache === 'warm' && ctx.url.path.startsWith('/static/');
  b.local('cdn', COST_MS.cacheLookup, {
    id: hit ? 'cdn-hit' : 'cdn-miss',
    phase: 'server',
    title: hit ? 'CDN cache hit' : 'CDN cache miss',
    narration: hit
      ? `The edge, a few milliseconds from the browser, finds ${ctx.url.path} in its cache (stored an hour ago, allowed for a year). It answers at once with the stored response as the origin sent it, Date and all, adding Age: ${CDN_STORED_S}, the seconds it has been stored (RFC 9111).`
      : `The edge does not have ${ctx.url.path}; it must fetch it from the origin, much further away.`,
    why: 'Performance: a CDN edge close to the user cuts the round trip, and the origin does no work at all.',
    message: internal(
      hit ? 'HIT' : 'MISS',
      `cache lookup ${ctx.url.host}${ctx.url.path}: ${hit ? `HIT (stored ${CDN_STORED_S} s ago)` : 'MISS'}`,
    ),
  });
  // The stored copy: the origin's response of an hour ago, fetched over HTTPS (so with the origin's HSTS).
  if (hit) return fromCdn(nginxStaticFile(b.now() - CDN_STORED_S * 1000, true), CDN_STORED_S, 'HIT');
  // Over HTTP/2 the edge holds the browser's fields as they arrived: lower case, with Chromium's priority.
  const h2 = edgeSpeaksH2(ctx);
  const received = h2 ? extra(ctx.extras, 'http2').edgeReceived(ctx, request) : request;
  const forwarded = forwardedRequest(received, ADDRESS.browser, ctx.url.https, ctx.rng.hex(16));
  b.hop('cdn', 'proxy', 'request', {
    id: 'cdn-forward',
    phase: 'server',
    title: 'Fetch from origin',
    narration: `The edge forwards the request to the origin’s proxy over its own long-lived connection${h2 ? ', in HTTP/1.1: its own headers first, then the browser’s fields with the lower-case names they arrived with over HTTP/2 (names are case-insensitive in HTTP/1.1 too), Chromium’s priority among them' : ''}.`,
    message: httpMessage(forwarded),
  });
  const response =
    proxyRefuses(ctx) ??
    (ctx.scenario.topology.balancer
      ? extra(ctx.extras, 'loadBalancer').serveAtBalancer(ctx, forwarded, ctx.inRotation)
      : ctx.scenario.topology.kubernetes
        ? extra(ctx.extras, 'kubernetes').serveAtIngress(ctx, forwarded)
        : ctx.url.path.startsWith('/static/')
          ? originStatic(ctx)
          : // the origin's nginx forwards the edge's request as it would the browser's: the edge's address
            // appended to X-Forwarded-For, and a request id of its own
            originResponse(ctx, forwardedRequest(forwarded, ADDRESS.cdn, ctx.url.https, ctx.rng.hex(16))));
  b.hop('proxy', 'cdn', 'response', {
    id: 'cdn-origin-response',
    phase: 'response',
    title: response.status + ' from origin',
    narration: 'The origin answers the edge, which keeps a copy if Cache-Control allows it.',
    message: httpMessage(response),
    changes: headerValue(response.headers, 'Cache-Control')?.startsWith('public')
      ? [{ node: 'cdn', key: 'cache', value: `${ctx.url.path} (stored now)` }]
      : [],
  });
  return ctx.url.path.startsWith('/static/') ? fromCdn(response, 0, 'MISS') : response;
}

function originStatic(ctx: EngineContext): HttpResponse {
  ctx.b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-static',
    phase: 'server',
    title: 'Serve the file from disk',
    narration: `The proxy serves ${ctx.url.path} straight from disk; static files never reach the app server.`,
    message: internal('sendfile', `sendfile ${ctx.url.path}`),
  });
  return nginxStaticFile(ctx.b.now(), ctx.url.https);
}

function serveAtProxy(ctx: EngineContext, request: HttpRequest): HttpResponse {
  const { b } = ctx;
  const refused =
    proxyRefuses(ctx) ??
    (ctx.scenario.rateLimit ? extra(ctx.extras, 'rateLimit').rateLimited(ctx, request) : null);
  if (refused) return refused;
  if (!ctx.url.https && ctx.scenario.topology.httpsOnly)
    return extra(ctx.extras, 'httpsRedirect').proxyRedirects(ctx);
  const { balancer, kubernetes } = ctx.scenario.topology;
  if (balancer) return extra(ctx.extras, 'loadBalancer').serveAtBalancer(ctx, request, ctx.inRotation);
  if (kubernetes) return extra(ctx.extras, 'kubernetes').serveAtIngress(ctx, request);
  if (ctx.url.path.startsWith('/static/')) return originStatic(ctx);
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-route',
    phase: 'server',
    title: ctx.url.https ? 'Proxy decrypts and routes' : 'Proxy routes',
    narration: `The reverse proxy ${ctx.url.https ? 'decrypts the request (TLS ends here), ' : ''}reads the Host and path, and picks ${ctx.scenario.faults.appDown ? 'its' : 'a healthy'} app server: app-1 at ${ADDRESS.app}:${ctx.profile.port}.`,
    why: `Scalability: the proxy spreads requests over several app servers${ctx.url.https ? ' and takes the TLS work off them' : ''}.`,
    message: internal(
      `upstream app-1 ${ADDRESS.app}:${ctx.profile.port}`,
      `${request.method} ${request.target} → upstream app-1 ${ADDRESS.app}:${ctx.profile.port}`,
    ),
  });
  const forwarded = forwardedRequest(request, ADDRESS.browser, ctx.url.https, ctx.rng.hex(16));
  return originResponse(ctx, forwarded);
}

/** What X-Forwarded-For tells the app: the browser's address, or the browser's and then the CDN edge's. */
function forwardedFor(forwarded: HttpRequest): string {
  const chain = headerValue(forwarded.headers, 'X-Forwarded-For') ?? ADDRESS.browser;
  return chain.includes(',')
    ? `appending the edge's address to X-Forwarded-For: ${chain}. The proxy itself only met the edge: the first address, written by the edge, is the one that says who asked, and an app should trust it only when the request came through its own CDN.`
    : `adding X-Forwarded-For: ${chain} so the app still knows who asked.`;
}

/**
 * Proxy → app → proxy: the app's response as the proxy passes it on (nginxRelay), the proxy's 502 when
 * the app's port refuses the connection, or its 504 when the app never answers.
 */
function originResponse(ctx: EngineContext, forwarded: HttpRequest): HttpResponse {
  const { b } = ctx;
  if (ctx.scenario.faults.appDown) return extra(ctx.extras, 'appFaults').upstreamRefused(ctx, forwarded);
  const sentAt = b.now();
  b.hop('proxy', 'app', 'request', {
    id: 'proxy-forward',
    phase: 'server',
    title: `Forward ${forwarded.method} ${forwarded.target}`,
    narration: `The proxy forwards the request in plain HTTP over the private network, ${forwardedFor(forwarded)}`,
    message: httpMessage(forwarded),
  });
  const response = runApp(ctx, forwarded);
  if (response === 'closed') return extra(ctx.extras, 'appFaults').upstreamClosed(ctx, forwarded);
  if (response) {
    b.hop('app', 'proxy', 'response', {
      id: `app-response-${response.status}`,
      phase: 'response',
      title: statusText(response),
      narration: response.body
        ? `The app server sends ${statusText(response)} back to the proxy with a ${byteLength(response.body)}-byte body. Content-Length tells the proxy exactly where the body ends. The proxy passes it on with its own Server, Date and Connection headers.`
        : `The app server sends ${statusText(response)} back to the proxy: headers only, since a ${response.status} never has a body. The proxy passes it on with its own Server, Date and Connection headers.`,
      message: httpMessage(response),
    });
    return nginxRelay(response, b.now());
  }
  b.wait(sentAt + COST_MS.proxyUpstreamTimeout - b.now());
  b.local('proxy', COST_MS.proxyRoute, {
    id: 'proxy-timeout',
    phase: 'response',
    title: 'Upstream timed out',
    narration: `The proxy has waited ${COST_MS.proxyUpstreamTimeout / 1000} seconds for the app server without a byte of answer: its proxy_read_timeout, configured to ${COST_MS.proxyUpstreamTimeout / 1000}s here (nginx's default is 60s). It gives up and answers the browser itself, with its own small HTML error page.`,
    why: 'Robustness: a timeout turns a hang into a clear error the browser can show, and frees the connection.',
    message: internal(
      'upstream timed out',
      `upstream timed out (110: Connection timed out) while reading response header from upstream ${ADDRESS.app}:${ctx.profile.port}`,
    ),
  });
  return nginxError(504, 'Gateway Timeout', b.now(), 'keep-alive');
}
