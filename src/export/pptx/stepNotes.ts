import type { Step } from '../../core/index.ts';

/** A step's speaker notes: the narration, why it matters, and the message as it is on the wire. */
export function stepNotes(step: Step): string {
  const parts = [step.narration];
  if (step.why) parts.push(`Why it matters: ${step.why}`);
  parts.push(
    `Message (${step.message.protocol}): ${step.message.summary}`,
    step.message.text.replace(/\r\n/g, '\n'),
  );
  return parts.join('\n\n');
}
