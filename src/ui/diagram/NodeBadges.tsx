import { useMemo } from 'react';
import type { SimNode } from '../../core/index.ts';
import { nodeBadges, nodeStateAt } from '../../core/index.ts';
import { selectStepIndex, selectTimeline, usePlayer } from '../../store/react.ts';

/**
 * A node's state at a glance on its card (a replica's health and requests in flight, a pod's image and
 * readiness): the headline of each state value the node names in `badges`, each prefixed for screen readers by
 * its key. Words, not colour: "DOWN", "Not ready", "shop-api:1.5.0".
 */
export function NodeBadges({ node }: { node: SimNode }) {
  const timeline = usePlayer(selectTimeline);
  const step = usePlayer(selectStepIndex);
  const badges = useMemo(
    () => nodeBadges(node, nodeStateAt(timeline, step)[node.id]),
    [node, timeline, step],
  );
  if (badges.length === 0) return null;
  return (
    <ul className="rt-node-badges" aria-label={`${node.name} now`}>
      {badges.map(({ key, text }) => (
        <li key={key} className="rt-node-badge" data-badge={key} data-value={text}>
          <span className="rt-visually-hidden">{key}: </span>
          {text}
        </li>
      ))}
    </ul>
  );
}
