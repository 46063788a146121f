import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { Timeline } from '../model/timeline.ts';
import { languageProfile } from '../stacks/languages.ts';
import { simulateTimeline } from './simulateTimeline.ts';

/**
 * Simulates one request of `scenario` on `stack` with its language's profile taken from every profile
 * (tests, benchmarks and exports). It imports all seven languages' handler code: the app's first view
 * does not call it, the store passes the one profile it has loaded to `simulateTimeline` instead.
 */
export const buildTimeline = (scenario: Scenario, stack: Stack): Timeline =>
  simulateTimeline(scenario, stack, languageProfile(stack.lang));
