import type { Scenario } from '../model/scenario.ts';
import { cacheMiss } from './cacheMiss.ts';

export const cacheHit: Scenario = {
  ...cacheMiss,
  id: 'cache-hit',
  title: 'Application cache hit',
  teaches: 'Redis already holds the product: the handler answers without touching the database.',
  start: { ...cacheMiss.start, appCache: 'warm' },
};
