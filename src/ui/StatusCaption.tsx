import { selectCurrentStep, selectStepCount, selectStepIndex, usePlayer } from '../store/react.ts';
import { stepLabel } from './stepLabel.ts';

/**
 * The narration line: a live status region that reads "Step 7 of 31: <title>. <narration>". With
 * `hidden` (captions=0) it is only visually hidden: screen readers still hear each step. With `scrolls`
 * (the embed view, where it is at most three lines) it can take focus.
 */
export function StatusCaption({ hidden = false, scrolls = false }: { hidden?: boolean; scrolls?: boolean }) {
  const step = usePlayer(selectCurrentStep);
  const index = usePlayer(selectStepIndex);
  const count = usePlayer(selectStepCount);
  return (
    <p
      className={hidden ? 'rt-visually-hidden' : 'rt-caption'}
      role="status"
      // A caption that scrolls (the embed view's) can take focus, so a keyboard can reach all of it.
      tabIndex={scrolls && !hidden ? 0 : undefined}
    >
      {step ? (
        <>
          <strong>
            {stepLabel(index, count)}: {step.title}.
          </strong>{' '}
          {step.narration}
        </>
      ) : (
        'This scenario has no steps.'
      )}
    </p>
  );
}
