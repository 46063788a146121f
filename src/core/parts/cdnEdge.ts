import { ADDRESS } from '../world/world.ts';
import type { Part } from './Part.ts';

/**
 * A CDN edge between the browser and the origin: the name resolves to it, and it serves what it has
 * cached (its behaviour: `serveAtCdn` in engine/serveRequest.ts).
 */
export const cdnEdge: Part = {
  present: (scenario) => scenario.topology.cdn,
  place: ({ scenario, link }) => ({
    nodes: [
      {
        id: 'cdn',
        kind: 'cdn-edge',
        name: 'CDN edge',
        role: `CDN edge · ${ADDRESS.cdn}`,
        address: ADDRESS.cdn,
      },
    ],
    links: [link('browser', 'cdn'), link('cdn', 'proxy')],
    initialState: {
      cdn: {
        cache: scenario.start.cdnCache === 'warm' ? '/static/app.css (stored 1 hour ago)' : 'empty',
        origin: `${ADDRESS.proxy}:443`,
      },
    },
  }),
};
