import type { NodeState, StateChange } from '../../core/index.ts';

/**
 * What a node knows, key by key. Keys this step set are marked "new" or "changed" in words (and a
 * highlight), keys it removed are listed as "removed".
 */
export function NodeStateTable({
  state,
  changes,
  caption,
}: {
  state: NodeState;
  changes: readonly StateChange[];
  caption?: string;
}) {
  const changed = new Map(changes.map((c) => [c.key, c]));
  const removed = changes.filter((c) => c.value === null);
  const entries = Object.entries(state);
  return (
    <table className="rt-state">
      {caption && <caption>{caption}</caption>}
      <tbody>
        {entries.length === 0 && removed.length === 0 && (
          <tr>
            <td colSpan={2} className="rt-muted">
              Nothing yet.
            </td>
          </tr>
        )}
        {entries.map(([key, value]) => {
          const change = changed.get(key);
          return (
            <tr key={key} className={change ? 'rt-state--changed' : undefined}>
              <th scope="row">{key}</th>
              <td>
                {value}
                {change && <span className="rt-badge">this step</span>}
              </td>
            </tr>
          );
        })}
        {removed.map((c) => (
          <tr key={`removed-${c.key}`} className="rt-state--changed">
            <th scope="row">{c.key}</th>
            <td>
              <span className="rt-badge">removed this step</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
