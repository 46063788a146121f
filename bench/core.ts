/**
 * Core cost as work grows: time to build a timeline and to seek in it, for ~10, ~1,000 and ~100,000
 * steps (the generated many-requests scenario). Prints JSON; `npm run bench` collects it.
 */
import { performance } from 'node:perf_hooks';
import { buildTimeline, scenarioById } from '../src/core/index.ts';
import type { Scenario } from '../src/core/index.ts';
import { initialPlayback, seekTime } from '../src/core/playback/index.ts';
import { manyRequests } from '../src/core/scenarios/manyRequests.ts';

const STACK = { lang: 'node', db: 'postgres' } as const;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function measure(label: string, scenario: Scenario) {
  const builds: number[] = [];
  let timeline = buildTimeline(scenario, STACK);
  const runs = timeline.steps.length > 50_000 ? 5 : 20;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    timeline = buildTimeline(scenario, STACK);
    builds.push(performance.now() - t0);
  }
  const seeks = 10_000;
  let state = initialPlayback();
  const t0 = performance.now();
  for (let i = 0; i < seeks; i++)
    state = seekTime(state, timeline, (((i * 7919) % 10_000) / 10_000) * timeline.totalMs);
  const seekUs = ((performance.now() - t0) / seeks) * 1000;
  return { label, steps: timeline.steps.length, buildMs: median(builds), seekUs, stepAtEnd: state.step };
}

const first = scenarioById('first-visit');
if (!first) throw new Error('first-visit missing');
const results = [
  measure('first-visit', first),
  measure('many-requests ×100', manyRequests(100)),
  measure('many-requests ×10,000', manyRequests(10_000)),
].map(({ stepAtEnd: _unused, ...r }) => ({ ...r, buildUsPerStep: (r.buildMs * 1000) / r.steps }));
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
