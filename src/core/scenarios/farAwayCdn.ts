import type { Scenario } from '../model/scenario.ts';
import { farAway } from './farAway.ts';

export const farAwayCdn: Scenario = {
  ...farAway,
  id: 'far-away-cdn',
  title: 'Far away, with a CDN',
  teaches:
    'The same user in São Paulo, now with a CDN edge in their city: the handshakes and the stylesheet stay on their side of the ocean.',
  topology: { ...farAway.topology, cdn: true },
  start: { ...farAway.start, cdnCache: 'warm' },
};
