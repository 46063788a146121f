import type { Scenario } from '../../src/core/model/scenario.ts';
import { cacheMiss } from '../../src/core/scenarios/cacheMiss.ts';
import { groupDigits } from '../../src/core/format/groupDigits.ts';

/**
 * A generated scenario for benchmarks: the page asks for the product `requests` times over one
 * keep-alive connection (a cache miss, then hits). Not in the picker; about 9 steps per request.
 */
export function manyRequests(requests: number): Scenario {
  return {
    ...cacheMiss,
    id: 'many-requests',
    title: `${groupDigits(requests)} requests`,
    teaches: 'A benchmark: many requests over one connection.',
    requests,
  };
}
