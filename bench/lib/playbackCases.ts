/**
 * What the playback benchmarks play: first-visit (node/postgres, the default) and the scenario × stack
 * with the most steps, at 1× and 4×, in 1920×1080 and 1280×800, each with `pause=none&autoplay=1`.
 */
import { DATABASES, LANGUAGES, SCENARIOS, buildTimeline, unavailableReason } from '../../src/core/index.ts';
import type { Database, Language } from '../../src/core/index.ts';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface Case {
  readonly label: string;
  readonly scenario: string;
  readonly lang: Language;
  readonly db: Database;
  readonly steps: number;
  readonly speed: 1 | 4;
  readonly viewport: Viewport;
}

export const VIEWPORTS: readonly Viewport[] = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
];

/** The scenario × stack it is shown on with the most steps (ties: the largest Timeline JSON, i.e. the most text to show). */
export function largestTimeline() {
  let best: { scenario: string; lang: Language; db: Database; steps: number; bytes: number } | null = null;
  for (const scenario of SCENARIOS)
    for (const lang of LANGUAGES)
      for (const db of DATABASES) {
        if (unavailableReason(scenario, { lang, db }) !== null) continue; // not shown on that stack
        const timeline = buildTimeline(scenario, { lang, db });
        const steps = timeline.steps.length;
        const bytes = JSON.stringify(timeline).length;
        if (!best || steps > best.steps || (steps === best.steps && bytes > best.bytes))
          best = { scenario: scenario.id, lang, db, steps, bytes };
      }
  if (!best) throw new Error('no scenarios');
  return best;
}

/** Every case, or those whose label contains `only` ("4x", "1280", "largest"…), in the given viewports. */
export function buildCases(only: string | null, viewports: readonly Viewport[] = VIEWPORTS): Case[] {
  const first = SCENARIOS.find((s) => s.id === 'first-visit');
  if (!first) throw new Error('first-visit missing');
  const defaultSteps = buildTimeline(first, { lang: 'node', db: 'postgres' }).steps.length;
  const largest = largestTimeline();
  const timelines: CaseTimeline[] = [
    {
      name: 'first-visit',
      scenario: 'first-visit',
      lang: 'node',
      db: 'postgres',
      steps: defaultSteps,
    },
  ];
  if (!(largest.scenario === 'first-visit' && largest.lang === 'node' && largest.db === 'postgres'))
    timelines.push({ name: `largest ${largest.scenario}`, ...largest });
  return casesOf(timelines, viewports, only);
}

/** What a case plays: a scenario on a stack, named in the case's label. */
export interface CaseTimeline {
  readonly name: string;
  readonly scenario: string;
  readonly lang: Language;
  readonly db: Database;
  readonly steps: number;
}

/** Each timeline at 1× and 4× in each viewport, or those whose label contains `only`. */
export function casesOf(
  timelines: readonly CaseTimeline[],
  viewports: readonly Viewport[],
  only: string | null,
): Case[] {
  const cases: Case[] = [];
  for (const t of timelines)
    for (const viewport of viewports)
      for (const speed of [1, 4] as const)
        cases.push({
          label: `${t.name} ${t.lang}/${t.db} ${speed}x ${viewport.width}x${viewport.height}`,
          scenario: t.scenario,
          lang: t.lang,
          db: t.db,
          steps: t.steps,
          speed,
          viewport,
        });
  return only ? cases.filter((c) => c.label.includes(only)) : cases;
}

/** The hash contract of PRODUCT.md §5 (src/core/link/linkFields.ts). There is no loop parameter. */
export const hashFor = (c: Case) =>
  `#scenario=${c.scenario}&lang=${c.lang}&db=${c.db}&speed=${c.speed}&pause=none&autoplay=1`;
