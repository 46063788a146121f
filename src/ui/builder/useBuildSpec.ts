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
import { scenarioById } from '../../core/index.ts';
import type { Scenario } from '../../core/index.ts';
import { selectMotion, usePlayerStore } from '../../store/react.ts';
import { animateNodes, nodePlaces } from './animateNodes.ts';

/** What the builder holds: its choices, and the built-in scenario still shown as it is (until a change). */
export interface BuildState {
  readonly spec: BuildSpec;
  /** The built-in scenario the player shows unchanged, or null once the player plays a build. */
  readonly unchanged: Scenario | null;
  readonly change: (change: Partial<BuildSpec>) => void;
  readonly startFrom: (id: string) => void;
}

/**
 * The builder's choices, started from what the player shows (its build, or its scenario); every change
 * settles clashes and plays the result at once, so the diagram follows the controls, its nodes moving
 * into their new places. Starting from a built-in scenario plays that scenario itself, so its timeline is
 * exactly its own until something is changed.
 */
export function useBuildSpec(): BuildState {
  const store = usePlayerStore();
  const [state, setState] = useState<{ spec: BuildSpec; unchanged: Scenario | null }>(() => {
    store.getState().installBuilds(resolveBuild);
    const { build, scenarioId } = store.getState();
    const builtIn = build === null ? (scenarioById(scenarioId) ?? null) : null;
    const scenario = scenarioOrBuild(build ?? scenarioId) ?? scenarioOrBuild(scenarioId);
    return { spec: scenario ? buildOf(scenario) : DEFAULT_BUILD, unchanged: builtIn };
  });
  /** Runs a change of what the player shows with the nodes sliding into their new places (not under reduced motion). */
  const moving = (show: () => void) => {
    const before = selectMotion(store.getState()) ? nodePlaces() : null;
    show();
    if (before) animateNodes(before);
  };
  const change = (c: Partial<BuildSpec>) => {
    const spec = settleBuild({ ...state.spec, ...c });
    setState({ spec, unchanged: null });
    moving(() => store.getState().setBuild(encodeBuild(spec)));
  };
  const startFrom = (id: string) => {
    const scenario = scenarioOrBuild(id);
    if (!scenario) return;
    setState({ spec: buildOf(scenario), unchanged: scenario });
    moving(() => store.getState().setScenario(id));
  };
  return { spec: state.spec, unchanged: state.unchanged, change, startFrom };
}
