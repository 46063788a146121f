import { productRow } from '../data/shopData.ts';
import { ADDRESS, REDIS } from '../world/world.ts';
import type { Part } from './Part.ts';

/**
 * Redis as the application cache beside the app server(s); its behaviour is the app's cache-aside
 * (`app/cacheAside.ts`).
 */
export const appCache: Part = {
  present: (scenario) => scenario.topology.appCache,
  place: ({ scenario, apps, link }) => ({
    nodes: [
      {
        id: 'cache',
        kind: 'cache',
        name: 'Redis',
        role: `Application cache · ${ADDRESS.cache}:${REDIS.port}`,
        address: ADDRESS.cache,
      },
    ],
    links: apps.map((app) => link(app, 'cache', 'app-cache')),
    initialState: {
      cache:
        scenario.start.appCache === 'warm'
          ? { 'product:42': `${JSON.stringify(productRow(42))} (TTL 41 s)` }
          : { keys: 'none for product:42' },
    },
  }),
};
