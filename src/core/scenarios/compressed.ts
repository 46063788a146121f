import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const compressed: Scenario = {
  ...baseScenario,
  id: 'compressed',
  title: 'Compressed by the proxy',
  teaches:
    'A page of 250 products is about 20 KB of JSON; nginx gzips it to about a fifth (Content-Encoding: gzip, Vary: Accept-Encoding, chunked), so it fits TCP’s first window and arrives a round trip sooner.',
  seed: 83,
  request: { ...baseScenario.request, url: 'https://shop.example/api/catalog?after=0' },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  gzip: true,
  notFor: [
    {
      lang: 'php',
      reason:
        'Laravel on Octane’s FrankenPHP compresses the answer itself: Octane’s Caddyfile says encode zstd br gzip, so Caddy compresses any JSON over 512 bytes, with zstd for Chrome (its first choice when the browser rates them alike), and nginx, seeing Content-Encoding already set, has nothing left to compress.',
    },
    {
      lang: 'cpp',
      reason:
        'Drogon gzips any answer of 1,024 bytes or more itself (zlib at level 6) when the request accepts gzip (use_gzip is on by default), so nginx, seeing Content-Encoding already set, has nothing left to compress.',
    },
  ],
};
