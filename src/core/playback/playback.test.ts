import { describe, expect, it } from 'vitest';
import { longTimeline, tinyTimeline as t } from '../../../tests/unit/fixtures/tinyTimeline.ts';
import { activeSteps } from './activeSteps.ts';
import { initialPlayback } from './initialPlayback.ts';
import { packetsInFlight } from './packetsInFlight.ts';
import { playheadAt } from './playheadAt.ts';
import { scenarioTimeAt } from './scenarioTimeAt.ts';
import { seekStep } from './seekStep.ts';
import { seekTime } from './seekTime.ts';
import { stepAtTime } from './stepAtTime.ts';
import { stepProgress } from './stepProgress.ts';

/** The pure functions on a position; the moves are tested through the real store (store/playback.test.ts). */
describe('playback position', () => {
  it('scenarioTimeAt follows the scenario clock within the step', () => {
    const p = seekTime(seekStep(initialPlayback(), t, 3), t, 12.02 + 9.5);
    expect(scenarioTimeAt(p, t)).toBeCloseTo(21.52, 6);
  });

  it('activeSteps lists every step in flight, several where the timeline overlaps', () => {
    expect(activeSteps(t, 60).map((s) => s.id)).toEqual(['tcp-ack', 'tls-client-hello']);
    expect(activeSteps(t, 80).map((s) => s.id)).toEqual([
      'tls-server-hello',
      'tls-certificate',
      'tls-server-finished',
    ]);
    expect(activeSteps(t, -1)).toEqual([]);
  });

  it('packetsInFlight draws the current hop and the earlier ones still on the wire, never local work', () => {
    const at = (step: number, progress: number) =>
      packetsInFlight({ ...initialPlayback(), step, progress }, t).map((p) => p.step.id);
    expect(at(0, 0.5)).toEqual([]);
    expect(at(9, 0.5)).toEqual(['tls-server-hello', 'tls-certificate', 'tls-server-finished']);
    expect(at(7, 0.5)).toEqual(['tls-server-hello']);
  });

  it('stepProgress: the current step its own progress, earlier ones by the clock, later ones 0', () => {
    // Half-way through tls-server-finished (69.028 + 9.5 ms): the two earlier server steps are just behind it.
    const at = { ...initialPlayback(), step: 9, progress: 0.5 };
    expect(stepProgress(at, t, 9)).toBe(0.5);
    expect(stepProgress(at, t, 7)).toBeCloseTo((69.028 + 9.5 - 69.02) / 19, 9);
    expect(stepProgress(at, t, 8)).toBeCloseTo((69.028 + 9.5 - 69.024) / 19, 9);
    expect(stepProgress(at, t, 1)).toBe(1);
    expect(stepProgress(at, t, 10)).toBe(0);
    expect(stepProgress(at, t, 99)).toBe(0);
    // A zero-length step behind the position has arrived.
    const zero = { ...t, steps: t.steps.map((s) => (s.index === 0 ? { ...s, durationMs: 0 } : s)) };
    expect(stepProgress({ ...at, step: 1, progress: 0 }, zero, 0)).toBe(1);
  });

  it('packetsInFlight carries the progress that stepProgress gives each packet', () => {
    const at = { ...initialPlayback(), step: 9, progress: 0.5 };
    for (const packet of packetsInFlight(at, t)) {
      expect(packet.progress).toBe(stepProgress(at, t, packet.step.index));
    }
    expect(packetsInFlight(at, t).map((p) => p.progress)).not.toEqual([0.5, 0.5, 0.5]);
  });

  it('playheadAt measures by equal slots at teaching pace and by the scenario clock at real pace', () => {
    const at = { ...initialPlayback(), step: 3, progress: 0.5 };
    expect(playheadAt(at, t)).toBeCloseTo(3.5 / 11, 9);
    expect(playheadAt({ ...at, pace: 'real' }, t)).toBeCloseTo((12.02 + 9.5) / 88.2, 9);
    expect(playheadAt({ ...at, step: 10, progress: 1 }, t)).toBe(1);
  });

  it('finds a step by time in O(log n): 100,000 steps, at most 18 steps read per look-up', () => {
    const long = longTimeline(100_000);
    // Count the steps a look-up reads instead of timing it (a shared machine's clock proves nothing):
    // a binary search over 100,000 start times reads at most ⌈log2(100,001)⌉ = 17 of them, a scan thousands.
    let reads = 0;
    const counted = {
      ...long,
      steps: new Proxy(long.steps, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      }),
    };
    let most = 0;
    for (let i = 0; i < 1_000; i++) {
      reads = 0;
      const time = (i * 7919) % 100_000;
      expect(stepAtTime(counted, time + 0.5)).toBe(time);
      most = Math.max(most, reads);
    }
    expect(most).toBeLessThanOrEqual(18);
    expect(stepAtTime(long, 54_321.5)).toBe(54_321);
    expect(activeSteps(long, 54_321.5).map((s) => s.index)).toEqual([54_321]);
  });
});
