import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../engine/buildTimeline.ts';
import { scenarioById } from '../../scenarios/index.ts';

describe('Rails’ log of an uncaught exception (server-error)', () => {
  it('is DebugExceptions#log_error’s lines, each tagged with the request id as production’s TaggedLogging writes them', () => {
    const t = buildTimeline(scenarioById('server-error')!, { lang: 'ruby', db: 'postgres' });
    const forwarded = t.steps.find((s) => s.id === 'proxy-forward')!;
    const id = /^X-Request-ID: (\w+)$/m.exec(forwarded.message.text)?.[1];
    const log = t.steps.map((s) => s.message.text).find((text) => text.includes('NoMethodError'));
    expect(log).toBe(
      [
        `[${id}]   `,
        `[${id}] NoMethodError (undefined method 'split' for nil):`,
        `[${id}]   `,
        `[${id}] app/controllers/products_controller.rb:6:in 'ProductsController#show'`,
      ].join('\n'),
    );
  });
});

describe('Rails on Rack 3 under Puma 7+: every header name on the wire is lower case', () => {
  it.each(['first-visit', 'post-create', 'not-found', 'server-error', 'invalid-input'])('%s', (id) => {
    const t = buildTimeline(scenarioById(id)!, { lang: 'ruby', db: 'postgres' });
    const answer = t.steps.find(
      (s) => s.from === 'app' && s.to === 'proxy' && s.message.protocol === 'http',
    )!;
    const names = answer.message.protocol === 'http' ? answer.message.http.headers.map(([n]) => n) : [];
    expect(names).toContain('content-length');
    expect(names.filter((n) => n !== n.toLowerCase())).toEqual([]);
  });
});
