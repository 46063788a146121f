import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const farAway: Scenario = {
  ...baseScenario,
  id: 'far-away',
  title: 'Far away',
  teaches:
    'A user in São Paulo fetches a stylesheet from servers in Frankfurt: every round trip (DNS, TCP, TLS, HTTP) crosses an ocean.',
  seed: 71,
  request: { ...baseScenario.request, url: 'https://shop.example/static/app.css' },
  topology: { ...baseScenario.topology, user: 'other-continent' },
};
