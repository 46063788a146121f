import { useRef } from 'react';
import { nodeStateAt } from '../../core/index.ts';
import {
  selectSelectNode,
  selectSelectedNode,
  selectStepIndex,
  selectTimeline,
  usePlayer,
} from '../../store/react.ts';
import { NodeStateTable } from '../details/NodeStateTable.tsx';
import { useEntrance } from '../motion/useEntrance.ts';

/** What the node the user activated knows at the current step; Esc or Close hides it. */
export function NodeStatePanel() {
  const selected = usePlayer(selectSelectedNode);
  return selected ? <NodeState key={selected} id={selected} /> : null;
}

/** The panel for one node; it enters with a short move (useEntrance) each time a node is picked. */
function NodeState({ id }: { id: string }) {
  const box = useRef<HTMLElement>(null);
  useEntrance(box);
  const selectNode = usePlayer(selectSelectNode);
  const timeline = usePlayer(selectTimeline);
  const step = usePlayer(selectStepIndex);
  const node = timeline.nodes.find((n) => n.id === id);
  if (!node) return null;
  const state = nodeStateAt(timeline, step)[node.id] ?? {};
  const current = timeline.steps[step];
  return (
    <section ref={box} className="rt-node-panel" aria-label={`What ${node.name} knows`}>
      <header className="rt-node-panel-head">
        <h2>{node.name} knows</h2>
        <button type="button" className="rt-button rt-button--small" onClick={() => selectNode(null)}>
          Close
        </button>
      </header>
      <p className="rt-muted">{node.role}</p>
      <NodeStateTable state={state} changes={current?.changes.filter((c) => c.node === node.id) ?? []} />
    </section>
  );
}
