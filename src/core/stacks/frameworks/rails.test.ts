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
