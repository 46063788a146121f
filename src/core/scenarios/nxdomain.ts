import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const nxdomain: Scenario = {
  ...baseScenario,
  id: 'nxdomain',
  title: 'Mistyped name (NXDOMAIN)',
  teaches:
    'The name server for example. says shpo.example does not exist; no connection is ever made, and the page’s fetch() rejects with a bare TypeError where a typed-in address gets Chrome’s error page.',
  seed: 52,
  request: { ...baseScenario.request, url: 'https://shpo.example/api/products/42' },
};
