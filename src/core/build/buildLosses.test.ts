import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../engine/buildTimeline.ts';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { unavailableReason } from '../model/stackFit.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { buildLosses } from './buildLosses.ts';
import { buildOf } from './buildOf.ts';
import { builtScenario } from './builtScenario.ts';

/** The scenarios the builder cannot reproduce, and exactly what it says it loses of each. */
const LOSSES: Readonly<Record<string, readonly string[]>> = {
  'browser-cache-hit': ['the fresh copy in the browser’s HTTP cache'],
  'redirect-https': ['the address typed into the address bar', 'the redirect to HTTPS and its HSTS header'],
  'cors-preflight': [
    'the request’s URL (https://api.shop.example/api/products/42/reviews)',
    'the page’s own origin (https://shop.example: a cross-origin fetch)',
  ],
  'pool-exhausted': ['the database fault (pool-exhausted)', 'the stacks it cannot be shown on'],
  'load-balanced': ['the requests already in flight on the replicas'],
  'rolling-deploy': [
    'its pods as they are (images, readiness, restarts, the rollout)',
    'its 3 requests in a row',
  ],
  'rate-limited': ['the proxy’s rate limit'],
  'tls-resumption': ['the TLS session tickets from an earlier visit'],
  http2: ['HTTP/2 between the browser and nginx'],
  compressed: [
    'the request’s URL (https://shop.example/api/catalog?after=0)',
    'nginx’s gzip of the answer',
    'the stacks it cannot be shown on',
  ],
  'login-session': [
    'the request’s URL (https://shop.example/api/login)',
    'the request’s own headers',
    'the request’s own body',
    'the login and its session cookie',
  ],
};

describe('starting the builder from a scenario', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: the build it starts from plays the same timeline, or the builder names what it loses',
    (id, scenario) => {
      expect(buildLosses(scenario)).toEqual(LOSSES[id] ?? []);
      if (LOSSES[id]) return;
      // The build under the scenario's own names and seed is the same journey, step for step, on every stack.
      const built = { ...builtScenario(buildOf(scenario)), ...pick(scenario) };
      for (const stack of shownOn(scenario))
        expect(buildTimeline(built, stack)).toEqual(buildTimeline(scenario, stack));
    },
  );
});

const pick = ({ id, title, teaches, seed }: (typeof SCENARIOS)[number]) => ({ id, title, teaches, seed });

const shownOn = (scenario: (typeof SCENARIOS)[number]) =>
  LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db }))).filter(
    (stack) => unavailableReason(scenario, stack) === null,
  );
