import type { NodeKind } from '../../core/index.ts';
import { NODE_ICON_PATHS } from './nodeIconPaths.ts';

/** The icon of a node kind, decorative (the node's name says what it is). */
export function NodeIcon({ kind }: { kind: NodeKind }) {
  return (
    <svg className="rt-node-icon" viewBox="0 0 24 24" width="30" height="30" aria-hidden="true">
      <path
        d={NODE_ICON_PATHS[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
