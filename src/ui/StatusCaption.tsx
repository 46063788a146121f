import { selectCurrentStep, selectStepCount, selectStepIndex, usePlayer } from '../store/react.ts';
import { stepLabel } from './stepLabel.ts';

/**
 * The narration line: a live status region that reads "Step 7 of 31: <title>. <narration>". With
 * `hidden` (captions=0) it is only visually hidden: screen readers still hear each step.
 */
export function StatusCaption({ hidden = false }: { hidden?: boolean }) {
  const step = usePlayer(selectCurrentStep);
  const index = usePlayer(selectStepIndex);
  const count = usePlayer(selectStepCount);
  return (
    <p className={hidden ? 'rt-visually-hidden' : 'rt-caption'} role="status">
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
