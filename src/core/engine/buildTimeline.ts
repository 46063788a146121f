import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { Outcome, Timeline } from '../model/timeline.ts';
import { languageProfile } from '../stacks/languages.ts';
import { REVIEW_COUNT } from '../data/shopData.ts';
import { formatDuration } from '../format/formatDuration.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { headerValue, statusText } from '../protocols/http.ts';
import { COST_MS } from '../world/world.ts';
import { browserRequest, pageCall } from './browserRequest.ts';
import { buildTopology } from './buildTopology.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { openTcp } from './openTcp.ts';
import { parseUrl } from './parseUrl.ts';
import { prng } from '../journey/prng.ts';
import { resolveDns } from './resolveDns.ts';
import { serveRequest } from './serveRequest.ts';
import { healthChecks } from '../parts/healthChecks.ts';
import { distanceSentence } from '../parts/geography.ts';
import { TimelineBuilder } from '../journey/TimelineBuilder.ts';
import { tlsHandshake } from './tlsHandshake.ts';
import { http2Exchange } from './http2Exchange.ts';
import { resumedTicket, tlsResume } from './tlsResume.ts';

/** What an error response carries, in words: "its JSON body", "its HTML page". */
function bodyKind(response: HttpResponse): string {
  const type = headerValue(response.headers, 'Content-Type') ?? '';
  if (response.body === '') return 'its headers (there is no body)';
  return /json/.test(type) ? 'its JSON body' : /html/.test(type) ? 'its HTML page' : 'its plain-text body';
}

/**
 * Simulates one request of `scenario` on `stack` and returns every step of its journey.
 * Pure and deterministic: the same scenario and stack give the same timeline, byte for byte.
 */
export function buildTimeline(scenario: Scenario, stack: Stack): Timeline {
  const url = parseUrl(scenario.request.url);
  const profile = languageProfile(stack.lang);
  const topology = buildTopology(scenario, stack, profile, url.host, url.https);
  const latency = new Map(
    topology.links.flatMap((l) => [
      [`${l.from}-${l.to}`, l.latencyMs],
      [`${l.to}-${l.from}`, l.latencyMs],
    ]),
  );
  const b = new TimelineBuilder((from, to) => {
    const value = latency.get(`${from}-${to}`);
    if (value === undefined) throw new Error(`No link between ${from} and ${to}`);
    return value;
  });
  const request = browserRequest(scenario, url, profile);
  const before: EngineContext = {
    b,
    rng: prng(scenario.seed),
    scenario,
    stack,
    profile,
    url,
    app: 'app',
    inRotation: [],
    edge: scenario.topology.cdn ? 'cdn' : 'proxy',
    cachedKeys: new Set(),
    database: { reviews: REVIEW_COUNT, prepared: 0 },
  };
  // A load balancer's health checks run before the user's request and decide who is in rotation.
  const ctx: EngineContext = scenario.topology.balancer
    ? { ...before, inRotation: healthChecks(before) }
    : before;
  const outcome = journey(ctx, request);
  const steps = b.build();
  const last = steps.reduce((end, s) => Math.max(end, s.startMs + s.durationMs), 0);
  return {
    scenario: scenario.id,
    title: scenario.title,
    teaches: scenario.teaches,
    stack,
    totalMs: Math.round(last * 1000) / 1000,
    nodes: topology.nodes,
    links: topology.links,
    initialState: topology.initialState,
    steps,
    outcome: { ...outcome, summary: outcome.summary.replace('{total}', formatDuration(last)) },
  };
}

function journey(ctx: EngineContext, request: HttpRequest): Outcome {
  const { b, scenario, url } = ctx;
  const { start } = scenario;
  const { user } = scenario.topology;
  b.local('browser', COST_MS.cacheLookup, {
    id: 'browser-start',
    phase: 'dns',
    title: 'The browser checks its caches',
    narration: `The page asks for ${scenario.request.method} ${scenario.request.url}. The browser looks in its HTTP cache (${start.browserHttpCache === 'stale' ? 'a stale copy with an ETag: it must revalidate' : 'nothing there'}) and its DNS cache (${start.browserDns ? 'it knows the address' : 'nothing there'}).${user ? ` ${distanceSentence(user)}` : ''}`,
    ...(user
      ? {
          why: 'Performance: distance puts a floor under every round trip; no server answers faster than light reaches it.',
        }
      : {}),
    message: internal(`${scenario.request.method} ${scenario.request.url}`, pageCall(scenario, url)),
  });

  const address = resolveDns(ctx);
  if (!address) {
    b.local('browser', COST_MS.render, {
      id: 'browser-error-page',
      phase: 'response',
      title: 'This site can’t be reached',
      narration: `The browser shows an error page: DNS_PROBE_FINISHED_NXDOMAIN. No connection was opened and no server of the shop saw anything.`,
      message: internal(
        'DNS_PROBE_FINISHED_NXDOMAIN',
        `This site can’t be reached\n${url.host}’s server IP address could not be found.\nDNS_PROBE_FINISHED_NXDOMAIN`,
      ),
    });
    return { ok: false, status: null, summary: `NXDOMAIN: ${url.host} does not exist ({total})` };
  }

  // A session ticket from an earlier connection: the new one resumes (and gets a fresh ticket meanwhile).
  const resumes = url.https && start.connection === 'none' && (start.tlsTickets ?? 0) > 0;
  if (resumes) {
    openTcp(ctx, address);
    tlsResume(ctx);
  } else if (start.connection === 'none') {
    openTcp(ctx, address);
    if (url.https && !tlsHandshake(ctx)) {
      return {
        ok: false,
        status: null,
        summary: 'Certificate expired: the browser refused to connect ({total})',
      };
    }
  }

  if (scenario.h2 && url.https) return http2Exchange(ctx);
  let [outcome, closed] = exchange(ctx, request, start.connection === 'open', resumes);
  // A repeat needs the connection: once the server has closed it, the page's next request would start over.
  for (let i = 1; i < scenario.requests && !closed; i++) [outcome, closed] = exchange(ctx, request, true);
  return outcome;
}

/**
 * One request and its response over an open connection, ending with the browser using the result; also
 * says whether the server closed the connection with it.
 */
function exchange(
  ctx: EngineContext,
  request: HttpRequest,
  reused: boolean,
  resumed = false,
): [Outcome, boolean] {
  const { b, url } = ctx;
  b.hop('browser', ctx.edge, 'request', {
    id: 'http-request',
    phase: 'request',
    title: `${request.method} ${request.target}`,
    narration: `${reused ? 'The browser reuses its open connection, so there is no handshake at all, and' : 'The browser'} sends the HTTP request: the method and path, then headers (Host says which site, Accept says ${url.path.endsWith('.css') ? 'a stylesheet' : 'JSON'} is wanted)${request.body ? ', then the JSON body, whose size Content-Length gives' : ''}.${url.https ? ' TLS encrypts it into application-data records on the way.' : ' Without TLS it travels in clear text.'}`,
    message: httpMessage(request),
  });
  if (resumed) resumedTicket(ctx);

  const toBrowser = serveRequest(ctx, request);
  b.hop(ctx.edge, 'browser', 'response', {
    id: `http-response-${toBrowser.status}`,
    phase: 'response',
    title: statusText(toBrowser),
    narration: `The ${ctx.edge === 'cdn' ? 'CDN edge' : ctx.scenario.topology.balancer ? 'load balancer' : 'proxy'} sends the response back over the browser's connection${url.https ? ', encrypted by TLS' : ''}${ctx.edge === 'proxy' && headerValue(toBrowser.headers, 'Strict-Transport-Security') ? ', adding Strict-Transport-Security so this browser will only ever use HTTPS here' : ''}.`,
    message: httpMessage(toBrowser),
  });

  const ok = toBrowser.status < 400;
  const retryAfter = headerValue(toBrowser.headers, 'Retry-After');
  b.local('browser', COST_MS.render, {
    id: 'browser-render',
    phase: 'response',
    title:
      toBrowser.status === 304
        ? 'Reuse the cached copy'
        : ok
          ? 'Render the result'
          : `Show the ${toBrowser.status} error`,
    narration:
      toBrowser.status === 304
        ? 'The browser takes the body from its own cache and marks it fresh again. The page shows the product.'
        : ok
          ? `The browser hands the ${byteLength(toBrowser.body)}-byte body to the page, which renders it.`
          : retryAfter !== undefined
            ? `fetch() resolves (an HTTP error is still a response) with the ${toBrowser.status} status and ${bodyKind(toBrowser)}. Retry-After says ${retryAfter} s: a well-behaved page waits at least that long before it asks again, and sends fewer requests.`
            : `The page reads the ${toBrowser.status} status and ${bodyKind(toBrowser)} and shows the user what went wrong.`,
    message: internal(statusText(toBrowser), toBrowser.body || '(no body)'),
    ...(toBrowser.status === 304
      ? { changes: [{ node: 'browser', key: 'HTTP cache', value: `${url.host}${url.path} (fresh again)` }] }
      : {}),
  });
  return [
    { ok, status: toBrowser.status, summary: `${statusText(toBrowser)} in {total}` },
    headerValue(toBrowser.headers, 'Connection') === 'close',
  ];
}
