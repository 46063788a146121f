import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

/** The stylesheet behind the CDN, on the shop's static name (an alias for the CDN's name). */
export const CDN_STYLESHEET = 'https://static.shop.example/static/app.css';

export const cdnHit: Scenario = {
  ...baseScenario,
  id: 'cdn-hit',
  title: 'CDN hit',
  teaches:
    'static.shop.example is an alias (CNAME) for the CDN’s name; a nearby CDN edge serves the cached stylesheet over HTTP/2, its Date the origin’s and Age counted from it; the origin servers never see the request.',
  seed: 51,
  // The shop's pages load their static files from a name of their own behind the CDN: the zone's apex,
  // shop.example, cannot be an alias (world.ts, DNS.cdnAliases).
  request: { ...baseScenario.request, url: CDN_STYLESHEET, pageOrigin: 'https://shop.example' },
  topology: { ...baseScenario.topology, cdn: true },
  start: { ...baseScenario.start, resolverCache: 'answer', cdnCache: 'warm' },
};
