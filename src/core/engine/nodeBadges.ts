import type { NodeState, SimNode } from '../model/nodes.ts';

/** One line of a node's card: the state key (for screen readers) and its value's headline. */
export interface NodeBadge {
  readonly key: string;
  readonly text: string;
}

/**
 * What a node's card shows of its state: for each of the node's `badges` keys that has a value, the value up to
 * its first ": " (a replica's "DOWN", a pod's "Ready" or "shop-api:1.5.0"; the rest is for the state panel).
 */
export function nodeBadges(node: SimNode, state: NodeState | undefined): NodeBadge[] {
  return (node.badges ?? []).flatMap((key) => {
    const value = state?.[key];
    if (value === undefined) return [];
    const cut = value.indexOf(': ');
    return [{ key, text: cut < 0 ? value : value.slice(0, cut) }];
  });
}
