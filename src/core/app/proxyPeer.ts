import type { EngineContext } from '../journey/EngineContext.ts';
import { ADDRESS } from '../world/world.ts';

/**
 * The proxy's end of its kept-alive connection to the app (address and the ephemeral port it chose when
 * it opened it), the same wherever a step names it; seeded by the scenario, with no draw from its PRNG.
 */
export const proxyPeer = (ctx: EngineContext): readonly [string, number] => [
  ADDRESS.proxy,
  32768 + ((Math.imul(ctx.scenario.seed, 2654435761) >>> 0) % 28232),
];
