import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const http2: Scenario = {
  ...baseScenario,
  id: 'http2',
  title: 'HTTP/2',
  teaches:
    'ALPN picks h2 during TLS; the page’s stylesheet and its fetch() travel as HEADERS frames on streams 1 and 3 of one connection, HPACK shrinks their headers, and nginx answers each stream when ready while it talks HTTP/1.1 to the app.',
  seed: 83,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer' },
  h2: true,
};
