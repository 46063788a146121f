import { nodeStateAt } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { NodeStateTable } from '../details/NodeStateTable.tsx';

const selectSelected = (s: PlayerState) => s.selectedNode;
const selectSelectNode = (s: PlayerState) => s.selectNode;
const selectTimeline = (s: PlayerState) => s.timeline;
const selectStep = (s: PlayerState) => s.playback.step;

/** What the node the user activated knows at the current step; Esc or Close hides it. */
export function NodeStatePanel() {
  const selected = usePlayer(selectSelected);
  const selectNode = usePlayer(selectSelectNode);
  const timeline = usePlayer(selectTimeline);
  const step = usePlayer(selectStep);
  const node = timeline.nodes.find((n) => n.id === selected);
  if (!node) return null;
  const state = nodeStateAt(timeline, step)[node.id] ?? {};
  const current = timeline.steps[step];
  return (
    <section className="rt-node-panel" aria-label={`What ${node.name} knows`}>
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
