import { useState } from 'react';
import {
  buildOf,
  DEFAULT_BUILD,
  encodeBuild,
  resolveBuild,
  scenarioOrBuild,
  settleBuild,
} from '../../core/builder.ts';
import type { BuildSpec } from '../../core/builder.ts';
import { selectMotion, usePlayerStore } from '../../store/react.ts';
import { animateNodes, nodePlaces } from './animateNodes.ts';

/**
 * The builder's choices, started from what the player shows (its build, or its scenario); every change
 * settles clashes and plays the result at once, so the diagram follows the controls, its nodes moving
 * into their new places.
 */
export function useBuildSpec(): [BuildSpec, (change: Partial<BuildSpec>) => void, (id: string) => void] {
  const store = usePlayerStore();
  const [spec, setSpec] = useState<BuildSpec>(() => {
    store.getState().installBuilds(resolveBuild);
    const { build, scenarioId } = store.getState();
    const scenario = scenarioOrBuild(build ?? scenarioId) ?? scenarioOrBuild(scenarioId);
    return scenario ? buildOf(scenario) : DEFAULT_BUILD;
  });
  const play = (next: BuildSpec) => {
    setSpec(next);
    const motion = selectMotion(store.getState());
    const before = motion ? nodePlaces() : null;
    store.getState().setBuild(encodeBuild(next));
    // Nodes slide into their new places (nothing moves under reduced motion or motion=0).
    if (before) animateNodes(before);
  };
  const change = (c: Partial<BuildSpec>) => play(settleBuild({ ...spec, ...c }));
  const startFrom = (id: string) => {
    const scenario = scenarioOrBuild(id);
    if (scenario) play(buildOf(scenario));
  };
  return [spec, change, startFrom];
}
