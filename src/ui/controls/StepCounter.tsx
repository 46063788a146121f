import type { CSSProperties } from 'react';
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
 * In the main view the line never wraps ("ms" fell to a second line at 960×540 and pushed the settings
 * down) and keeps the width of the last step's line throughout.
 */
export function StepCounter() {
  const { step, count, atEnd, outcome } = usePlayer(useShallow(selectCounter));
  // The main view keeps the room of its longest line (the last step's) from the first step on, and
  // sizes the font so that line fits the controls: nothing moves or wraps when the outcome appears.
  const widest = `${stepLabel(count - 1, count)} · ${outcome}`;
  return (
    <span
      className="rt-counter"
      data-widest={widest}
      style={{ '--counter-chars': widest.length } as CSSProperties}
    >
      <span className="rt-counter-line">
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
    </span>
  );
}
