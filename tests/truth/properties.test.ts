// Property tests: for random valid scenario settings on any stack, the timeline is well formed
// (numbered, ordered in time, along the diagram's links, ending at the browser, every request
// answered or the failure visible) and deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../src/core/index.ts';
import { builtScenario } from '../../src/core/builder.ts';
import { buildSpec } from '../support/buildSpecs.ts';
import type { Header, RequestSpec, Scenario, StartState, Step, Timeline } from '../../src/core/index.ts';
import { PRODUCT_COUNT } from '../../src/core/data/shopData.ts';
import { VALID_TOKEN } from '../../src/core/world/world.ts';
import { STACKS, browserStatuses, stepsWith } from './timelines.ts';

/** 300 by default; set FC_NUM_RUNS for a longer search. */
const NUM_RUNS = Number(process.env['FC_NUM_RUNS'] ?? 300);

// --- Arbitraries -----------------------------------------------------------------------------------

const start: fc.Arbitrary<StartState> = fc.record({
  browserDns: fc.boolean(),
  resolverCache: fc.constantFrom('cold', 'tld', 'answer'),
  connection: fc.constantFrom('none', 'open'),
  browserHttpCache: fc.constantFrom('empty', 'stale'),
  appCache: fc.constantFrom('empty', 'warm'),
  cdnCache: fc.constantFrom('empty', 'warm'),
});

const origin = fc
  .record({
    scheme: fc.constantFrom('https', 'http'),
    host: fc.constantFrom('shop.example', 'shop.example', 'shpo.example', 'shop.exmaple'),
  })
  .map(({ scheme, host }) => `${scheme}://${host}`);

const productId = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: PRODUCT_COUNT }) },
  { weight: 1, arbitrary: fc.integer({ min: PRODUCT_COUNT + 1, max: 99_999_999 }) }, // the handler answers 404
);

/** What the page may put where the product id goes: mostly ids, sometimes text no integer column holds. */
const productIdText = fc.oneof(
  { weight: 6, arbitrary: productId.map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('abc', '4.2', '-1', '007', '1e3', '2147483647', '2147483648', '99999999999'),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9.-]{1,12}$/) },
);

const sku = fc.oneof(
  fc.integer({ min: 1, max: PRODUCT_COUNT }).map((n) => `SKU-${String(n).padStart(7, '0')}`),
  fc.integer({ min: 0, max: 9_999_999 }).map((n) => `SKU-${String(n).padStart(7, '0')}`),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `SKU-${String(n).padStart(5, '0')}`),
);

const reviewBody = fc.oneof(
  // valid: rating 1–5, text 1–500 characters
  fc
    .record({
      rating: fc.integer({ min: 1, max: 5 }),
      body: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
    })
    .map((r) => JSON.stringify(r)),
  // invalid: rating out of range or not an integer, text missing or empty, or not JSON at all
  fc
    .record({
      rating: fc.oneof(fc.integer({ min: -3, max: 0 }), fc.integer({ min: 6, max: 99 }), fc.constant(4.5)),
      body: fc.string({ maxLength: 20 }),
    })
    .map((r) => JSON.stringify(r)),
  fc.record({ rating: fc.integer({ min: 1, max: 5 }) }).map((r) => JSON.stringify(r)),
  fc.constant('{"rating":5,"body":""}'),
  fc.constant('{"rating":5,'),
);

const authorization: fc.Arbitrary<Header[]> = fc.constantFrom<Header[]>(
  [['Authorization', `Bearer ${VALID_TOKEN}`]],
  [],
  [['Authorization', 'Bearer not-a-valid-token']],
);

const request: fc.Arbitrary<RequestSpec> = fc
  .tuple(
    origin,
    fc.oneof(
      productIdText.map((id) => ({
        method: 'GET' as const,
        path: `/api/products/${id}`,
        headers: [] as Header[],
        body: '',
      })),
      sku.map((s) => ({
        method: 'GET' as const,
        path: `/api/products?sku=${s}`,
        headers: [] as Header[],
        body: '',
      })),
      fc.tuple(productIdText, authorization, reviewBody).map(([id, auth, body]) => ({
        method: 'POST' as const,
        path: `/api/products/${id}/reviews`,
        headers: [...auth, ['Content-Type', 'application/json']] as Header[],
        body,
      })),
      fc.constant({ method: 'GET' as const, path: '/static/app.css', headers: [] as Header[], body: '' }),
      fc.constantFrom(
        { method: 'GET' as const, path: '/api/prodcuts/42', headers: [] as Header[], body: '' },
        { method: 'GET' as const, path: '/', headers: [] as Header[], body: '' },
        { method: 'GET' as const, path: '/api/products/42/reviews', headers: [] as Header[], body: '' },
        {
          method: 'POST' as const,
          path: '/api/products/42',
          headers: [['Content-Type', 'application/json']] as Header[],
          body: '{}',
        },
      ),
    ),
  )
  .map(([base, r]) => ({ method: r.method, url: base + r.path, headers: r.headers, body: r.body }));

const randomScenario: fc.Arbitrary<Scenario> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    request,
    topology: fc.record(
      {
        cdn: fc.boolean(),
        appCache: fc.boolean(),
        balancer: fc.integer({ min: 2, max: 8 }).chain((replicas) =>
          fc.record({
            replicas: fc.constant(replicas),
            algorithm: fc.constantFrom('roundrobin' as const, 'leastconn' as const),
            failing: fc.subarray(Array.from({ length: replicas }, (_, i) => i + 1)),
            inFlight: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: replicas }),
            next: fc.integer({ min: 1, max: replicas }),
          }),
        ),
        user: fc.constantFrom(
          'same-city' as const,
          'same-continent' as const,
          'other-continent' as const,
          'satellite' as const,
        ),
      },
      { requiredKeys: ['cdn', 'appCache'] },
    ),
    start,
    skuIndex: fc.boolean(),
    faults: fc.record({
      certificateExpired: fc.boolean(),
      database: fc.constantFrom('up', 'process-down', 'unreachable', 'pool-exhausted'),
      appDown: fc.boolean(),
      handlerBug: fc.boolean(),
      packetLoss: fc.boolean(),
      databaseSlow: fc.boolean(),
    }),
    // The page may repeat its request over the same connection (cache hits, a second insert...).
    requests: fc.integer({ min: 1, max: 3 }),
  })
  .map((s) => ({ ...s, id: 'random', title: 'Random settings', teaches: 'Whatever these settings teach.' }));

/** Random settings, or what the builder produces from random choices. */
const scenario: fc.Arbitrary<Scenario> = fc.oneof(randomScenario, buildSpec.map(builtScenario));

const stack = fc.constantFrom(...STACKS);

/** Builds the timeline for every generated (scenario, stack) pair and checks `check` on it. */
const forAllTimelines = (check: (t: Timeline, s: Scenario) => void): void => {
  fc.assert(
    fc.property(scenario, stack, (s, st) => check(buildTimeline(s, st), s)),
    { numRuns: NUM_RUNS },
  );
};

const end = (s: Step): number => s.startMs + s.durationMs;
/** Times are kept to the microsecond. */
const US = 0.001 + 1e-9;

// --- Properties ------------------------------------------------------------------------------------

describe('for random valid settings on any stack', () => {
  it('steps are numbered 0..n-1, never start before the previous one, and take time', () => {
    forAllTimelines((t) => {
      expect(t.steps.length).toBeGreaterThan(0);
      t.steps.forEach((s, i) => {
        expect(s.index).toBe(i);
        expect(s.durationMs).toBeGreaterThan(0);
        expect(Number.isFinite(s.startMs) && s.startMs >= 0).toBe(true);
        if (i > 0) expect(s.startMs).toBeGreaterThanOrEqual(t.steps[i - 1]?.startMs ?? 0);
      });
    });
  });

  it('every step is at or between nodes of the diagram, and every hop follows a link', () => {
    forAllTimelines((t) => {
      const nodes = new Set(t.nodes.map((n) => n.id));
      const linked = new Set(t.links.flatMap((l) => [`${l.from}|${l.to}`, `${l.to}|${l.from}`]));
      for (const s of t.steps) {
        expect(nodes.has(s.from), `${s.id}: from ${s.from}`).toBe(true);
        expect(nodes.has(s.to), `${s.id}: to ${s.to}`).toBe(true);
        if (s.from === s.to) expect(s.direction, s.id).toBe('local');
        else expect(linked.has(`${s.from}|${s.to}`), `${s.id}: link ${s.from}–${s.to}`).toBe(true);
      }
    });
  });

  it('step ids are unique', () => {
    forAllTimelines((t) => {
      expect(new Set(t.steps.map((s) => s.id)).size).toBe(t.steps.length);
    });
  });

  it('the journey ends at the browser, and totalMs is when the last step ends', () => {
    forAllTimelines((t) => {
      const last = t.steps.at(-1);
      expect(last?.to).toBe('browser');
      const latest = Math.max(...t.steps.map(end));
      expect(Math.abs(t.totalMs - latest)).toBeLessThanOrEqual(US);
      expect(
        Math.abs((last ? end(last) : 0) - latest),
        'nothing is still travelling when the journey ends',
      ).toBeLessThanOrEqual(US);
    });
  });

  it('every HTTP request is answered by a later response the other way, or the outcome is a visible failure', () => {
    forAllTimelines((t) => {
      const http = stepsWith(t, 'http');
      const visibleFailure = !t.outcome.ok && t.outcome.summary.length > 0;
      // A request inside one machine (the kubelet probing a pod on its node, a local step) crosses no link.
      for (const req of http.filter((s) => s.message.http.kind === 'request' && s.from !== s.to)) {
        const answered = http.some(
          (s) =>
            s.index > req.index &&
            s.message.http.kind === 'response' &&
            s.from === req.to &&
            s.to === req.from,
        );
        if (req.from === 'browser')
          expect(answered, `${req.id}: the browser's request is answered`).toBe(true);
        else
          expect(answered || visibleFailure, `${req.id}: answered, or the outcome says what failed`).toBe(
            true,
          );
      }
      // over HTTP/2, each stream the browser opens is answered by HEADERS on the same stream
      const h2 = stepsWith(t, 'http2');
      const streams = (s: (typeof h2)[number]) =>
        s.message.http2.frames.filter((f) => f.type === 'HEADERS').map((f) => f.stream);
      for (const req of h2.filter((s) => s.from === 'browser'))
        for (const stream of streams(req))
          expect(
            h2.some((s) => s.index > req.index && s.to === 'browser' && streams(s).includes(stream)),
            `${req.id}: stream ${stream} is answered`,
          ).toBe(true);
      expect(t.outcome.summary.length).toBeGreaterThan(0);
      if (t.outcome.status !== null) {
        expect(browserStatuses(t).at(-1)?.status, 'the outcome is the status the browser got').toBe(
          t.outcome.status,
        );
        expect(t.outcome.ok).toBe(t.outcome.status < 400);
      } else {
        expect(t.outcome.ok, 'no response means failure').toBe(false);
      }
    });
  });

  it('every HTTP message’s Content-Length is its body’s UTF-8 byte length, and bodies have a Content-Type', () => {
    forAllTimelines((t) => {
      for (const s of stepsWith(t, 'http')) {
        const m = s.message.http;
        const get = (name: string): string | undefined =>
          m.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
        if (m.body !== '') {
          expect(get('Content-Length'), s.id).toBe(String(Buffer.byteLength(m.body, 'utf8')));
          expect(get('Content-Type'), s.id).toBeDefined();
        }
      }
    });
  });

  it('no query carries a number its database would refuse: numeric values are whole numbers an integer column holds', () => {
    const fits = (v: unknown): boolean =>
      typeof v !== 'number' || (Number.isInteger(v) && Math.abs(v) <= 2_147_483_647);
    const numbersIn = (v: unknown): unknown[] =>
      typeof v === 'number'
        ? [v]
        : v !== null && typeof v === 'object'
          ? Object.values(v).flatMap(numbersIn)
          : [];
    forAllTimelines((t) => {
      for (const s of stepsWith(t, 'sql')) {
        for (const p of s.message.sql.params) expect(fits(p), `${s.id}: parameter ${String(p)}`).toBe(true);
      }
      for (const s of stepsWith(t, 'mongodb')) {
        const { filter, document } = s.message.mongodb;
        for (const n of numbersIn([filter, document]))
          expect(fits(n), `${s.id}: value ${String(n)}`).toBe(true);
      }
    });
  });

  it('a review is only inserted for a product the database holds (the foreign key would refuse any other)', () => {
    forAllTimelines((t, s) => {
      const inserts = [...stepsWith(t, 'sql'), ...stepsWith(t, 'mongodb')].filter(
        (step) => step.direction === 'request' && /^(INSERT|\{ insert: 'reviews')/.test(step.message.text),
      );
      if (inserts.length === 0) return;
      const id = Number(/\/api\/products\/(\d+)\/reviews$/.exec(new URL(s.request.url).pathname)?.[1]);
      expect(
        Number.isInteger(id) && id >= 1 && id <= PRODUCT_COUNT,
        `${s.request.url}: product ${id} exists`,
      ).toBe(true);
    });
  });

  it('no request target makes buildTimeline throw: any path and query, malformed escapes included', () => {
    const unit = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          '%',
          '%2',
          '%zz',
          '%00',
          '%ff',
          '%C3%A9',
          '/',
          '//',
          '?',
          '#',
          '=',
          '&',
          '+',
          '.',
          '..',
          '\\',
          ' ',
          '"',
          '<',
          '{',
          '|',
          '^',
          '`',
          'api',
          'products',
          '42',
          'abc',
          'reviews',
          'sku',
          'static',
          'app.css',
        ),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    );
    const target = fc.array(unit, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        target,
        fc.constantFrom('GET' as const, 'POST' as const),
        fc.constantFrom('https', 'http'),
        fc.boolean(),
        stack,
        (path, method, scheme, cdn, st) => {
          const s: Scenario = {
            id: 'any-target',
            title: 'Any target',
            teaches: 'Nothing breaks the engine.',
            seed: 7,
            requests: 2,
            skuIndex: false,
            request: {
              method,
              url: `${scheme}://shop.example/${path}`,
              headers: [['Content-Type', 'application/json']],
              body: method === 'POST' ? '{"rating":5,"body":"ok"}' : '',
            },
            topology: { cdn, appCache: false },
            start: {
              browserDns: true,
              resolverCache: 'answer',
              connection: 'open',
              browserHttpCache: 'empty',
              appCache: 'empty',
              cdnCache: 'empty',
            },
            faults: { certificateExpired: false, database: 'up', appDown: false, handlerBug: false },
          };
          const t = buildTimeline(s, st);
          expect(t.steps.at(-1)?.to).toBe('browser');
          expect(t.outcome.status).not.toBeNull();
          for (const step of stepsWith(t, 'http')) {
            const m = step.message.http;
            if (m.kind === 'request')
              expect(m.target, 'a request target is printable ASCII without spaces').toMatch(/^\/[!-~]*$/);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('is deterministic: building twice gives the same JSON, byte for byte', () => {
    fc.assert(
      fc.property(scenario, stack, (s, st) => {
        expect(JSON.stringify(buildTimeline(s, st))).toBe(JSON.stringify(buildTimeline(s, st)));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
