import type { Scenario } from '../model/scenario.ts';
import { CDN_STYLESHEET } from './cdnHit.ts';
import { farAway } from './farAway.ts';

export const farAwayCdn: Scenario = {
  ...farAway,
  id: 'far-away-cdn',
  title: 'Far away, with a CDN',
  teaches:
    'The same user in São Paulo, now with a CDN edge in their city: the stylesheet’s name is an alias (CNAME) for the CDN’s name, whose name server answers by GeoDNS with the nearest edge; the handshakes and the stylesheet stay on their side of the ocean.',
  request: { ...farAway.request, url: CDN_STYLESHEET, pageOrigin: 'https://shop.example' },
  topology: { ...farAway.topology, cdn: true },
  start: { ...farAway.start, cdnCache: 'warm' },
};
