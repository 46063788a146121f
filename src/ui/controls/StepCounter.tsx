import { useRef } from 'react';
import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isAtEnd } from '../../core/index.ts';
import { usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { stepLabel } from '../stepLabel.ts';
import { useCounterFit } from './useCounterFit.ts';

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
 * In the main view the counter keeps that width and takes what its row has spare, and the line is
 * sized from the first step for the last step's ("Step 41 of 41 · 200 OK in 221.5 ms", useCounterFit):
 * it never wraps ("ms" fell to a second line at 960×540 and pushed the settings down) and nothing
 * moves when the outcome appears.
 */
export function StepCounter() {
  const { step, count, atEnd, outcome } = usePlayer(useShallow(selectCounter));
  const counter = useRef<HTMLSpanElement>(null);
  const widest = stepLabel(count - 1, count);
  const fit = useCounterFit(counter, widest, outcome);
  return (
    <span
      ref={counter}
      className="rt-counter"
      data-widest={widest}
      data-lines={fit.lines}
      style={{ '--counter-fit': fit.scale } as CSSProperties}
    >
      <span className="rt-counter-line">
        <span className="rt-counter-step" data-widest={widest}>
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
