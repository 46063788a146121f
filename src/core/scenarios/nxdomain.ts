import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const nxdomain: Scenario = {
  ...baseScenario,
  id: 'nxdomain',
  title: 'Mistyped name (NXDOMAIN)',
  teaches: 'The name server for example. says shpo.example does not exist; no connection is ever made.',
  seed: 52,
  request: { ...baseScenario.request, url: 'https://shpo.example/api/products/42' },
};
