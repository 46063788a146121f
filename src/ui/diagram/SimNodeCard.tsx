import { useId } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { Node, NodeProps } from '@xyflow/react';
import type { SimNode } from '../../core/index.ts';
import { selectCurrentStep, selectSelectNode, selectSelectedNode, usePlayer } from '../../store/react.ts';
import { breakable } from '../breakable.tsx';
import { NodeBadges } from './NodeBadges.tsx';
import { NodeIcon } from './NodeIcon.tsx';
import { nodeRole } from './nodeRole.ts';

export type SimFlowNode = Node<{ node: SimNode }, 'sim'>;

const ROLE_TAG = { from: 'sends', to: 'receives', local: 'working', idle: null } as const;

/** A machine on the diagram: icon, name, role line; marked when it takes part in the current step. */
export function SimNodeCard({ id, data }: NodeProps<SimFlowNode>) {
  const step = usePlayer(selectCurrentStep);
  const selected = usePlayer(selectSelectedNode) === id;
  const selectNode = usePlayer(selectSelectNode);
  const role = nodeRole(step, id);
  const hint = useId();
  const tag = ROLE_TAG[role];
  return (
    <div
      className={`rt-node rt-node--${role}${selected ? ' rt-node--selected' : ''}${data.node.badges ? ' rt-node--badged' : ''}`}
      data-node={id}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="rt-handle" />
      <button
        type="button"
        className="rt-node-button nodrag nopan"
        aria-pressed={selected}
        aria-describedby={hint}
        onClick={() => selectNode(selected ? null : id)}
      >
        <NodeIcon kind={data.node.kind} />
        {/* The visible text is the accessible name ("API server Express 5 API handler · …"), as voice control expects. */}
        <span className="rt-node-text">
          <span className="rt-node-name">{breakable(data.node.name)}</span>
          <span className="rt-node-role">{data.node.role}</span>
        </span>
        <span id={hint} className="rt-visually-hidden">
          Shows what it knows at this step
        </span>
      </button>
      {data.node.badges && <NodeBadges node={data.node} />}
      {tag && <span className="rt-node-tag">{tag}</span>}
      {role === 'local' && step && (
        // wraps between words and after a URL's dots and slashes: "GET https://shop.␣example/␣api/␣products/␣42"
        <span className="rt-node-work" aria-hidden="true" title={step.message.summary}>
          ⚙ {breakable(step.message.summary)}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={false} className="rt-handle" />
    </div>
  );
}
