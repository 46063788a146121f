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

/**
 * "Step 7 of 31", and at the end the outcome ("200 OK in 221.5 ms"). The label keeps the width of the
 * widest one ("Step 31 of 31", drawn invisibly by CSS from data-widest), so the controls beside it do
 * not move from step 9 to step 10; the embed view shows the outcome above its controls, not beside.
 */
export function StepCounter() {
  const { step, count, atEnd, outcome } = usePlayer(useShallow(selectCounter));
  return (
    <span className="rt-counter">
      <span className="rt-counter-step" data-widest={stepLabel(count - 1, count)}>
        <span>{stepLabel(step, count)}</span>
      </span>
      {atEnd && (
        <span className="rt-outcome">
          <span className="rt-outcome-separator"> · </span>
          {outcome}
        </span>
      )}
    </span>
  );
}
