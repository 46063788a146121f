import type { HttpRequest } from '../model/messages.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { Outcome, Timeline } from '../model/timeline.ts';
import type { LanguageProfile } from '../stacks/types.ts';
import { REVIEW_COUNT } from '../data/shopData.ts';
import { formatDuration } from '../format/formatDuration.ts';
import { COST_MS } from '../world/world.ts';
import { browserRequest, pageCall, pageHeaders } from './browserRequest.ts';
import { needsPreflight } from './cors.ts';
import { buildTopology } from './buildTopology.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { openTcp } from './openTcp.ts';
import { parseUrl } from './parseUrl.ts';
import { prng } from '../journey/prng.ts';
import { requestFailed } from './requestFailed.ts';
import { resolveDns } from './resolveDns.ts';
import { exchange } from './exchange.ts';
import { TimelineBuilder } from '../journey/TimelineBuilder.ts';
import { tlsHandshake } from './tlsHandshake.ts';
import { unavailableReason } from '../model/stackFit.ts';
import { extra, extrasFor } from '../extras/ExtraStages.ts';
import type { Extras } from '../extras/ExtraStages.ts';

/**
 * Simulates one request of `scenario` on `stack`, whose handler language is `profile`, and returns every
 * step of its journey. Pure and deterministic: the same scenario and stack give the same timeline, byte
 * for byte. The profile and the scenario's extra stages (those `extrasFor(scenario)` names) are passed in:
 * the store loads a language's profile when a stack uses it and a scenario's extras when it plays;
 * `buildTimeline` takes them from all of them.
 */
export function simulateTimeline(
  scenario: Scenario,
  stack: Stack,
  profile: LanguageProfile,
  extras: Extras,
): Timeline {
  if (profile.id !== stack.lang)
    throw new Error(`The ${profile.id} profile cannot run a ${stack.lang} stack.`);
  const missing = extrasFor(scenario, stack).filter((id) => !extras[id]);
  if (missing.length > 0)
    throw new Error(`${scenario.id} needs its extra stages first: ${missing.join(', ')}.`);
  const refused = unavailableReason(scenario, stack);
  if (refused !== null)
    throw new Error(`${scenario.id} is not shown on ${stack.lang}+${stack.db}: ${refused}`);
  const url = parseUrl(scenario.request.url);
  const topology = buildTopology(scenario, stack, profile, extras, url);
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
    extras,
    url,
    app: 'app',
    inRotation: [],
    served: { count: 0 },
    edge: scenario.topology.cdn ? 'cdn' : 'proxy',
    edgeH2: { sent: [] },
    cachedKeys: new Set(),
    database: { reviews: REVIEW_COUNT, prepared: 0 },
    session: { cookies: null },
  };
  // A load balancer's health checks run before the user's request and decide who is in rotation; in a
  // cluster, the pods that are ready (after the one starting has passed its readiness probe).
  const { balancer, kubernetes } = scenario.topology;
  const ctx: EngineContext = balancer
    ? { ...before, inRotation: extra(extras, 'loadBalancer').healthChecks(before) }
    : kubernetes
      ? { ...before, inRotation: extra(extras, 'kubernetes').podsInRotation(before) }
      : before;
  const outcome = journey(
    ctx,
    scenario.session ? extra(extras, 'session').loginRequest(ctx, request) : request,
  );
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

/** Who asks for what: the user typing an address, or the page's code. */
const asks = ({ scenario, url }: EngineContext): string =>
  scenario.request.navigation
    ? `You type ${scenario.request.url} into the address bar.${!url.https && scenario.topology.httpsOnly ? ` The browser's HSTS list has no entry for ${url.host} yet, so it keeps http://.` : ''}`
    : `The page asks for ${scenario.request.method} ${scenario.request.url}.`;

/** What the browser finds in its HTTP cache, for the first step's narration. */
const HTTP_CACHE_FINDS: Readonly<Record<Scenario['start']['browserHttpCache'], string>> = {
  empty: 'nothing there',
  stale: 'a stale copy with an ETag: it must revalidate',
  fresh: 'a copy still fresh: no need to ask',
};

function journey(ctx: EngineContext, request: HttpRequest): Outcome {
  const { b, scenario, url } = ctx;
  const { start } = scenario;
  const { user } = scenario.topology;
  b.local('browser', COST_MS.cacheLookup, {
    id: 'browser-start',
    phase: 'dns',
    title: 'The browser checks its caches',
    narration: `${asks(ctx)} The browser looks in its HTTP cache (${HTTP_CACHE_FINDS[start.browserHttpCache]}) and its DNS cache (${start.browserDns ? 'it knows the address' : 'nothing there'}).${user ? ` ${extra(ctx.extras, 'geography').distanceSentence(user, scenario.topology.servers)}` : ''}`,
    ...(user
      ? {
          why: 'Performance: distance puts a floor under every round trip; no server answers faster than light reaches it.',
        }
      : {}),
    message: internal(`${scenario.request.method} ${scenario.request.url}`, pageCall(scenario, url)),
  });

  if (start.browserHttpCache === 'fresh') return extra(ctx.extras, 'browserCache').browserCacheHit(ctx);

  const address = resolveDns(ctx);
  if (!address) return requestFailed(ctx, { kind: 'name' });

  // A session ticket from an earlier connection: the new one resumes (and gets a fresh ticket meanwhile).
  const resumes = url.https && start.connection === 'none' && (start.tlsTickets ?? 0) > 0;
  if (resumes) {
    openTcp(ctx, address);
    extra(ctx.extras, 'tlsResumption').tlsResume(ctx);
  } else if (start.connection === 'none') {
    openTcp(ctx, address);
    const refused = url.https ? tlsHandshake(ctx) : null;
    if (refused !== null) return requestFailed(ctx, { kind: 'certificate', netError: refused });
  }

  if (scenario.h2 && url.https) return extra(ctx.extras, 'http2').http2Exchange(ctx);
  const page = scenario.request.pageOrigin;
  if (page !== undefined && needsPreflight(scenario.request.method, pageHeaders(scenario, url)))
    extra(ctx.extras, 'cors').corsPreflight(ctx, page, start.connection === 'open');
  let [outcome, closed] = exchange(ctx, request, start.connection === 'open', resumes);
  if (!url.https && scenario.topology.httpsOnly)
    return extra(ctx.extras, 'httpsRedirect').followToHttps(ctx, address);
  if (scenario.session)
    return extra(ctx.extras, 'session').nextWithCookie(ctx, scenario.session.next, outcome);
  // A repeat needs the connection: once the server has closed it, the page's next request would start over.
  for (let i = 1; i < scenario.requests && !closed; i++) [outcome, closed] = exchange(ctx, request, true);
  return outcome;
}
