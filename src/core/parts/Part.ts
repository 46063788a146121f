import type { Link, NodeState, SimNode } from '../model/nodes.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { LanguageProfile } from '../stacks/types.ts';

/** What a part knows when it places itself: the scenario and stack, and how long a link between two nodes is. */
export interface PartEnv {
  readonly scenario: Scenario;
  readonly stack: Stack;
  readonly profile: LanguageProfile;
  readonly host: string;
  readonly https: boolean;
  /** A link with its one-way latency; `kind` names the world's figure to use ("proxy-app" for proxy → app-2). */
  readonly link: (from: string, to: string, kind?: string) => Link;
  /** The app servers' node ids: ["app"], or the replicas behind a load balancer ["app-1", …]. */
  readonly apps: readonly string[];
}

/** A part's share of the topology: its machines, its links to its neighbours and what each knows before step 1. */
export interface Placement {
  readonly nodes: readonly SimNode[];
  readonly links: readonly Link[];
  readonly initialState: Readonly<Record<string, NodeState>>;
}

/**
 * One piece of architecture a scenario can include (a CDN edge, an application cache, a load balancer
 * and its replicas): whether the scenario has it, and where it sits. Its behaviour in the journey lives
 * next to it in the same folder (`cdnEdge.serve`, `loadBalancer.serve`, `healthChecks`).
 */
export interface Part {
  readonly present: (scenario: Scenario) => boolean;
  readonly place: (env: PartEnv) => Placement;
}

/** Several placements as one. */
export function mergePlacements(placements: readonly Placement[]): Placement {
  return {
    nodes: placements.flatMap((p) => p.nodes),
    links: placements.flatMap((p) => p.links),
    initialState: Object.assign({}, ...placements.map((p) => p.initialState)) as Record<string, NodeState>,
  };
}
