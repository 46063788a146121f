import { NOTICES } from '../core/index.ts';
import { usePlayer } from '../store/react.ts';
import type { PlayerState } from '../store/react.ts';

/** However hostile the link, a few lines at most: the player below must stay in sight; the rest fold away. */
const SHOWN = 3;

const selectNotices = (s: PlayerState) => s.notices;
const selectDismiss = (s: PlayerState) => s.dismissNotices;

/** Short notices (a link parameter that was ignored…) above the player, until dismissed. */
export function Notices() {
  const notices = usePlayer(selectNotices);
  const dismiss = usePlayer(selectDismiss);
  if (notices.length === 0) return null;
  const more = notices.length - SHOWN;
  return (
    <div className="rt-notices" role="alert">
      <div>
        <ul>
          {notices.slice(0, SHOWN).map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
        {more > 0 && (
          <details>
            <summary>{NOTICES.moreNotices(more)}</summary>
            <ul className="rt-notices-more">
              {notices.slice(SHOWN).map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <button type="button" className="rt-button rt-button--small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
