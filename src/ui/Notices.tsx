import { usePlayer } from '../store/index.ts';
import type { PlayerState } from '../store/index.ts';

const selectNotices = (s: PlayerState) => s.notices;
const selectDismiss = (s: PlayerState) => s.dismissNotices;

/** Short notices (a link parameter that was ignored…) above the player, until dismissed. */
export function Notices() {
  const notices = usePlayer(selectNotices);
  const dismiss = usePlayer(selectDismiss);
  if (notices.length === 0) return null;
  return (
    <div className="rt-notices" role="alert">
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" className="rt-button rt-button--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
