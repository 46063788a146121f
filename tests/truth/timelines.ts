// Shared by the truth tests: every stack, and typed access to a timeline's steps by protocol.
import { DATABASES, LANGUAGES, unavailableReason } from '../../src/core/index.ts';
import type { Message, Scenario, Stack, Step, Timeline } from '../../src/core/index.ts';

/** All eighteen stacks: six languages × three databases. */
export const STACKS: readonly Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));

/** The stacks `scenario` is shown on: all but those its `notFor` names. */
export const shownOn = (scenario: Scenario): readonly Stack[] =>
  STACKS.filter((stack) => unavailableReason(scenario, stack) === null);

export const stackName = (stack: Stack): string => `${stack.lang}+${stack.db}`;

export type Protocol = Message['protocol'];

/** A step whose message is known to belong to protocol `P`. */
export type StepWith<P extends Protocol> = Step & { readonly message: Extract<Message, { protocol: P }> };

export const isProtocol = <P extends Protocol>(step: Step, protocol: P): step is StepWith<P> =>
  step.message.protocol === protocol;

/** The steps of `timeline` whose message is of `protocol`, in order. */
export const stepsWith = <P extends Protocol>(timeline: Timeline, protocol: P): StepWith<P>[] =>
  timeline.steps.filter((s): s is StepWith<P> => isProtocol(s, protocol));

/** The first step after `step` that satisfies `predicate`, or undefined. */
export const nextStep = (timeline: Timeline, step: Step, predicate: (s: Step) => boolean): Step | undefined =>
  timeline.steps.slice(step.index + 1).find(predicate);

/** The answer to a database request step: the next step of the same protocol travelling back from the database. */
export function resultOf<P extends 'sql' | 'mongodb'>(timeline: Timeline, request: StepWith<P>): StepWith<P> {
  const protocol = (request as Step).message.protocol;
  const result = nextStep(
    timeline,
    request,
    (s) => s.from === request.to && s.to === request.from && s.direction === 'response',
  );
  if (result?.message.protocol !== protocol)
    throw new Error(`${timeline.scenario}: no ${protocol} result follows step ${request.id}`);
  return result as StepWith<P>;
}
