import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const cdnHit: Scenario = {
  ...baseScenario,
  id: 'cdn-hit',
  title: 'CDN hit',
  teaches: 'A nearby CDN edge serves the cached stylesheet; the origin servers never see the request.',
  seed: 51,
  request: { ...baseScenario.request, url: 'https://shop.example/static/app.css' },
  topology: { ...baseScenario.topology, cdn: true },
  start: { ...baseScenario.start, resolverCache: 'answer', cdnCache: 'warm' },
};
