import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../../core/url/HashState.ts';
import { usePlayer } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';
import { stepLabel } from '../stepLabel.ts';
import { ControlIcon } from './ControlIcon.tsx';

const selectView = (s: PlayerState) => ({
  playing: s.playback.mode === 'playing',
  step: s.playback.step,
  count: s.timeline.steps.length,
  speed: s.playback.speed,
  pauseAtHop: s.playback.pauseAtHop,
  atEnd: s.playback.step >= s.timeline.steps.length - 1 && s.playback.progress >= 1,
  outcome: s.timeline.outcome.summary,
});

const selectActions = (s: PlayerState) => ({
  toggle: s.toggle,
  prev: s.prev,
  next: s.next,
  restart: s.restart,
  setSpeed: s.setSpeed,
  setPauseAtHop: s.setPauseAtHop,
});

/** Play/Pause, Previous step, Next step, Restart, the step counter, Speed, Pause at each hop, pace. */
export function PlaybackControls() {
  const view = usePlayer(useShallow(selectView));
  const { toggle, prev, next, restart, setSpeed, setPauseAtHop } = usePlayer(useShallow(selectActions));
  return (
    <div className="rt-controls" role="group" aria-label="Playback">
      <div className="rt-buttons">
        <button
          type="button"
          className="rt-button rt-icon-button"
          aria-label="Restart"
          title="Restart (R)"
          onClick={restart}
        >
          <ControlIcon name="restart" />
        </button>
        <button
          type="button"
          className="rt-button rt-icon-button"
          aria-label="Previous step"
          title="Previous step (←)"
          onClick={prev}
        >
          <ControlIcon name="prev" />
        </button>
        <button
          type="button"
          className="rt-button rt-button--primary rt-play"
          aria-label={view.playing ? 'Pause' : 'Play'}
          title={view.playing ? 'Pause (Space)' : 'Play (Space)'}
          onClick={toggle}
        >
          <ControlIcon name={view.playing ? 'pause' : 'play'} />
          <span aria-hidden="true">{view.playing ? 'Pause' : 'Play'}</span>
        </button>
        <button
          type="button"
          className="rt-button rt-icon-button"
          aria-label="Next step"
          title="Next step (→)"
          onClick={next}
        >
          <ControlIcon name="next" />
        </button>
        <span className="rt-counter">
          {stepLabel(view.step, view.count)}
          {view.atEnd && <span className="rt-outcome"> · {view.outcome}</span>}
        </span>
      </div>
      <div className="rt-settings">
        <label className="rt-field">
          <span>Speed</span>
          <select value={view.speed} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="rt-check">
          <input
            type="checkbox"
            checked={view.pauseAtHop}
            onChange={(e) => setPauseAtHop(e.currentTarget.checked)}
          />
          <span>Pause at each hop</span>
        </label>
      </div>
    </div>
  );
}
