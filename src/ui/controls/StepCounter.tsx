import { useShallow } from 'zustand/react/shallow';
import { isAtEnd } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { stepLabel } from '../stepLabel.ts';

const selectCounter = (s: PlayerState) => ({
  step: s.playback.step,
  count: s.timeline.steps.length,
  atEnd: isAtEnd(s.playback, s.timeline),
  outcome: s.timeline.outcome.summary,
});

/** "Step 7 of 31", and at the end the outcome ("200 OK in 221.5 ms"). */
export function StepCounter() {
  const { step, count, atEnd, outcome } = usePlayer(useShallow(selectCounter));
  return (
    <span className="rt-counter">
      {stepLabel(step, count)}
      {atEnd && <span className="rt-outcome"> · {outcome}</span>}
    </span>
  );
}
