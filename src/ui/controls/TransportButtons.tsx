import { useShallow } from 'zustand/react/shallow';
import { selectIsPlaying, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { ControlIcon } from './ControlIcon.tsx';

const selectActions = (s: PlayerState) => ({
  toggle: s.toggle,
  prev: s.prev,
  next: s.next,
  restart: s.restart,
});

/** Restart (optional), Previous step, Play/Pause and Next step, with exactly these accessible names. */
export function TransportButtons({
  restart = true,
  compact = false,
}: {
  restart?: boolean;
  compact?: boolean;
}) {
  const playing = usePlayer(selectIsPlaying);
  const actions = usePlayer(useShallow(selectActions));
  return (
    <>
      {restart && (
        <button
          type="button"
          className="rt-button rt-icon-button"
          aria-label="Restart"
          title="Restart (R)"
          onClick={actions.restart}
        >
          <ControlIcon name="restart" />
        </button>
      )}
      <button
        type="button"
        className="rt-button rt-icon-button"
        aria-label="Previous step"
        title="Previous step (←)"
        onClick={actions.prev}
      >
        <ControlIcon name="prev" />
      </button>
      <button
        type="button"
        className={`rt-button rt-button--primary rt-play${compact ? ' rt-icon-button' : ''}`}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        onClick={actions.toggle}
      >
        <ControlIcon name={playing ? 'pause' : 'play'} />
        {!compact && <span aria-hidden="true">{playing ? 'Pause' : 'Play'}</span>}
      </button>
      <button
        type="button"
        className="rt-button rt-icon-button"
        aria-label="Next step"
        title="Next step (→)"
        onClick={actions.next}
      >
        <ControlIcon name="next" />
      </button>
    </>
  );
}
