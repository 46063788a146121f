import { internal } from '../journey/EngineContext.ts';
import { ADDRESS, COST_MS, REDIS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt } from './AppContext.ts';
import { productRow } from '../data/shopData.ts';

/**
 * Cache-aside with Redis. Without `store`: GET the product, returning it on a hit or null on a miss.
 * With `store`: SET it with a TTL after a database read.
 */
export function cacheAside(ctx: AppContext, id: number, store?: string): Record<string, unknown> | null {
  const { b } = ctx;
  const key = `product:${id}`;
  const warm = ctx.scenario.start.appCache === 'warm' || ctx.cachedKeys.has(key);
  if (store !== undefined) {
    const command = `SET ${key} '${store}' EX ${REDIS.ttlSeconds}`;
    b.hop(ctx.app, 'cache', 'request', {
      id: 'cache-set',
      phase: 'server',
      title: `SET ${key}`,
      narration: `The handler stores the JSON in Redis for ${REDIS.ttlSeconds} seconds, so the next request for product ${id} skips the database.`,
      why: 'Scalability: every hit served from memory is a query the database never has to run.',
      message: internal(`SET ${key} EX ${REDIS.ttlSeconds}`, command, codeAt(ctx, 'cacheSet')),
    });
    b.wait(COST_MS.redisOp);
    ctx.cachedKeys.add(key);
    b.hop('cache', ctx.app, 'response', {
      id: 'cache-set-ok',
      phase: 'server',
      title: 'OK',
      narration: 'Redis confirms the write.',
      message: internal('OK', 'OK'),
      changes: [{ node: 'cache', key, value: `${store} (TTL ${REDIS.ttlSeconds} s)` }],
    });
    return null;
  }
  b.hop(ctx.app, 'cache', 'request', {
    id: 'cache-get',
    phase: 'server',
    title: `GET ${key}`,
    narration: `Before touching the database the handler asks Redis at ${ADDRESS.cache}:${REDIS.port} for the key ${key}.`,
    message: internal(`GET ${key}`, `GET ${key}`, codeAt(ctx, 'cacheGet')),
  });
  b.wait(COST_MS.redisOp);
  const value = warm ? JSON.stringify(productRow(id)) : null;
  b.hop('cache', ctx.app, 'response', {
    id: warm ? 'cache-hit' : 'cache-miss',
    phase: 'server',
    title: warm ? 'Cache hit' : 'Cache miss: (nil)',
    narration: warm
      ? 'Redis has it: the JSON comes straight from memory in well under a millisecond. No query is needed.'
      : 'Redis answers (nil): nobody has asked for this product in the last minute. The handler must ask the database.',
    message: internal(warm ? 'hit' : '(nil)', warm ? `"${value?.replace(/"/g, '\\"')}"` : '(nil)'),
  });
  return value ? (JSON.parse(value) as Record<string, unknown>) : null;
}
