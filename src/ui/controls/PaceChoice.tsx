import type { Pace } from '../../core/index.ts';
import { selectPace, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { ChoiceSelect } from '../ChoiceSelect.tsx';

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
    <ChoiceSelect
      label="Pace"
      value={pace}
      choices={CHOICES}
      onChange={setPace}
      hideLabel
      title="Teaching pace gives every step the same time; real time uses each step's own duration"
    />
  );
}
