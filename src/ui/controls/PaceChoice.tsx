import type { Pace } from '../../core/playback/index.ts';
import { selectPace, usePlayer } from '../../store/index.ts';
import type { PlayerState } from '../../store/index.ts';

const selectSetPace = (s: PlayerState) => s.setPace;

const CHOICES: readonly (readonly [Pace, string])[] = [
  ['teaching', 'Teaching pace'],
  ['real', 'Real time'],
];

/** Teaching pace (every step gets the same time on screen, so a 0.1 ms hop stays visible) or real time. */
export function PaceChoice() {
  const pace = usePlayer(selectPace);
  const setPace = usePlayer(selectSetPace);
  return (
    <label
      className="rt-field"
      title="Teaching pace gives every step the same time; real time uses each step's own duration"
    >
      <span>Pace</span>
      <select
        value={pace}
        onChange={(e) => {
          const chosen = CHOICES.find(([value]) => value === e.currentTarget.value);
          if (chosen) setPace(chosen[0]);
        }}
      >
        {CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
