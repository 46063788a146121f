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
import { usePlayerStore } from '../../store/react.ts';

/**
 * The builder's choices, started from what the player shows (its build, or its scenario); every change
 * settles clashes and plays the result at once, so the diagram follows the controls.
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
    store.getState().setBuild(encodeBuild(next));
  };
  const change = (c: Partial<BuildSpec>) => play(settleBuild({ ...spec, ...c }));
  const startFrom = (id: string) => {
    const scenario = scenarioOrBuild(id);
    if (scenario) play(buildOf(scenario));
  };
  return [spec, change, startFrom];
}
