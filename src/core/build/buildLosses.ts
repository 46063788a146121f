import type { Scenario } from '../model/scenario.ts';
import { buildOf } from './buildOf.ts';
import { builtScenario } from './builtScenario.ts';

/** What a scenario is called by, not what happens in it: a build has its own (the seed included). */
const NAMING = new Set(['id', 'title', 'teaches', 'seed']);

/** A setting the builder has no control for, in words, by its place in a scenario. */
const WORDS: Readonly<Record<string, (s: Scenario) => string>> = {
  'start.browserHttpCache': () => 'the fresh copy in the browser’s HTTP cache',
  'request.navigation': () => 'the address typed into the address bar',
  'topology.httpsOnly': () => 'the redirect to HTTPS and its HSTS header',
  'request.url': (s) => `the request’s URL (${s.request.url})`,
  'request.pageOrigin': (s) => `the page’s own origin (${s.request.pageOrigin ?? ''}: a cross-origin fetch)`,
  'faults.database': (s) => `the database fault (${s.faults.database})`,
  notFor: () => 'the stacks it cannot be shown on',
  'topology.balancer': () => 'the requests already in flight on the replicas',
  'topology.kubernetes': () => 'its pods as they are (images, readiness, restarts, the rollout)',
  requests: (s) => `its ${s.requests} requests in a row`,
  rateLimit: () => 'the proxy’s rate limit',
  'start.tlsTickets': () => 'the TLS session tickets from an earlier visit',
  h2: () => 'HTTP/2 between the browser and nginx',
  'request.headers': () => 'the request’s own headers',
  'request.body': () => 'the request’s own body',
  session: () => 'the login and its session cookie',
  gzip: () => 'nginx’s gzip of the answer',
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The settings where two scenarios differ, by path; an absent flag and `false` are the same to the engine. */
function differences(a: unknown, b: unknown, path: string): string[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys
      .filter((k) => path !== '' || !NAMING.has(k))
      .flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
  }
  const same = (x: unknown) => (x === undefined || x === false ? 'false' : JSON.stringify(x));
  return same(a) === same(b) ? [] : [path];
}

/**
 * What the builder cannot keep of a scenario when a teacher starts from it and changes something: each a
 * phrase naming the setting ("the TLS session tickets from an earlier visit"); empty when the build it starts
 * from (`buildOf`) is the same journey. The builder shows the scenario itself until something is changed, and
 * says these beside it.
 */
export function buildLosses(scenario: Scenario): string[] {
  const paths = differences(scenario, builtScenario(buildOf(scenario)), '');
  const phrases = paths.map((path) => {
    const key = Object.keys(WORDS).find((k) => path === k || path.startsWith(`${k}.`));
    return key ? (WORDS[key]?.(scenario) ?? path) : `its setting ${path}`;
  });
  return [...new Set(phrases)];
}
