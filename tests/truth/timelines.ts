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

/**
 * The responses that reach the browser, in order, with their status: HTTP/1.1 responses, and HTTP/2 HEADERS
 * frames carrying :status (a CDN edge or the http2 lesson's nginx).
 */
export function browserStatuses(timeline: Timeline): { readonly step: Step; readonly status: number }[] {
  return timeline.steps.flatMap((step) => {
    if (step.to !== 'browser') return [];
    const m = step.message;
    if (m.protocol === 'http') return m.http.kind === 'response' ? [{ step, status: m.http.status }] : [];
    if (m.protocol !== 'http2') return [];
    const status = m.http2.frames
      .filter((f) => f.type === 'HEADERS')
      .flatMap((f) => f.lines.map((l) => /^:status: (\d+)/.exec(l)?.[1]).filter((v) => v !== undefined));
    return status.map((v) => ({ step, status: Number(v) }));
  });
}

/** The fields a HEADERS frame carries, as its lines show them decoded ("name: value    ; how"). */
export const headerFields = (frame: { readonly lines: readonly string[] }): [string, string][] =>
  frame.lines
    .filter((l) => !l.startsWith(';') && !l.startsWith('(') && l.includes('    ; '))
    .map((l) => {
      const field = l.split('    ; ')[0] ?? '';
      const at = field.indexOf(': ', 1);
      return [field.slice(0, at), field.slice(at + 2)];
    });
