import { describe, expect, it } from 'vitest';
import type { BalancerSpec } from '../model/scenario.ts';
import { pickReplica } from './pickReplica.ts';

const spec = (over: Partial<BalancerSpec>): BalancerSpec => ({
  replicas: 3,
  algorithm: 'roundrobin',
  failing: [],
  inFlight: [],
  next: 1,
  ...over,
});

describe('pickReplica', () => {
  it('round robin takes the next in turn and skips one that is out of rotation', () => {
    expect(pickReplica(spec({ next: 2 }), [1, 2, 3])).toBe(2);
    expect(pickReplica(spec({ next: 2 }), [1, 3])).toBe(3);
    expect(pickReplica(spec({ next: 3 }), [1, 2])).toBe(1);
  });

  it('least connections takes the replica with the fewest requests in flight, ties to the next in turn', () => {
    expect(pickReplica(spec({ algorithm: 'leastconn', inFlight: [4, 1, 2] }), [1, 2, 3])).toBe(2);
    expect(pickReplica(spec({ algorithm: 'leastconn', inFlight: [4, 1, 2] }), [1, 3])).toBe(3);
    expect(pickReplica(spec({ algorithm: 'leastconn', inFlight: [1, 1, 1], next: 3 }), [1, 2, 3])).toBe(3);
  });

  it('has nobody to pick when no replica is in rotation', () => {
    expect(pickReplica(spec({}), [])).toBeNull();
  });
});
