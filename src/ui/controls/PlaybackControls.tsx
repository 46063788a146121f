import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { StepCounter } from './StepCounter.tsx';
import { TransportButtons } from './TransportButtons.tsx';
import { ChoiceSelect } from '../ChoiceSelect.tsx';
import { ScenarioClock } from '../timeline/ScenarioClock.tsx';
import { PaceChoice } from './PaceChoice.tsx';

const SPEED_CHOICES = SPEEDS.map((s) => [s, `${s}×`] as const);

const selectSettings = (s: PlayerState) => ({
  speed: s.playback.speed,
  pauseAtHop: s.playback.pauseAtHop,
  setSpeed: s.setSpeed,
  setPauseAtHop: s.setPauseAtHop,
});

/**
 * Play/Pause, Previous step, Next step, Restart and the step counter; then Speed, Pause at each hop,
 * Pace and the scenario's clock.
 */
export function PlaybackControls() {
  const { speed, pauseAtHop, setSpeed, setPauseAtHop } = usePlayer(useShallow(selectSettings));
  return (
    <div className="rt-controls" role="group" aria-label="Playback">
      <div className="rt-buttons">
        <TransportButtons />
        <StepCounter />
      </div>
      <div className="rt-settings">
        <ChoiceSelect
          label="Speed"
          value={speed}
          choices={SPEED_CHOICES}
          onChange={setSpeed}
          title="Speed"
          hideLabel
        />
        <label className="rt-check">
          <input
            type="checkbox"
            checked={pauseAtHop}
            onChange={(e) => setPauseAtHop(e.currentTarget.checked)}
          />
          <span>Pause at each hop</span>
        </label>
        <PaceChoice />
        <ScenarioClock />
      </div>
    </div>
  );
}
