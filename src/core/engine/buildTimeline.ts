import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { Timeline } from '../model/timeline.ts';
import { pickExtras } from '../extras/allExtras.ts';
import { extrasFor } from '../extras/ExtraStages.ts';
import { languageProfile } from '../stacks/languages.ts';
import { simulateTimeline } from './simulateTimeline.ts';

/**
 * Simulates one request of `scenario` on `stack` with its language's profile taken from every profile and
 * its extra stages from every extra (tests, benchmarks and exports). It imports all seven languages' handler
 * code and every scenario's stages: the app's first view does not call it, the store passes the one profile
 * and the extras it has loaded to `simulateTimeline` instead. It hands over only the extras `extrasFor`
 * names, as the app does, so every test through it checks that list too.
 */
export const buildTimeline = (scenario: Scenario, stack: Stack): Timeline =>
  simulateTimeline(scenario, stack, languageProfile(stack.lang), pickExtras(extrasFor(scenario, stack)));
