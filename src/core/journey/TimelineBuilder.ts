import type { Message } from '../model/messages.ts';
import type { Direction, Phase, StateChange, Step } from '../model/timeline.ts';

/** What a caller says about a step; the builder decides when it starts and how long it takes. */
export interface StepSpec {
  readonly id: string;
  readonly phase: Phase;
  readonly title: string;
  readonly narration: string;
  readonly why?: string;
  readonly message: Message;
  readonly changes?: readonly StateChange[];
}

/** Rounds to the microsecond so timelines print cleanly and compare byte for byte. */
const us = (ms: number): number => Math.round(ms * 1000) / 1000;

/**
 * Accumulates steps on a simulated clock. A hop lasts its link's latency plus any extra cost;
 * a local step lasts its node's cost. Steps of one flight may overlap by starting before the
 * previous one has arrived.
 */
export class TimelineBuilder {
  private clock = 0;
  private readonly steps: Step[] = [];
  private readonly seen = new Map<string, number>();

  /** `latency(from, to)`: one-way latency of the link between two nodes, in milliseconds. */
  constructor(readonly latency: (from: string, to: string) => number) {}

  /** The simulated time in milliseconds. */
  now(): number {
    return this.clock;
  }

  /** Lets time pass with nothing to show (waiting, queueing). */
  wait(ms: number): void {
    this.clock += ms;
  }

  /** Moves the clock back to `ms`: the next message leaves in the same flight as an earlier one. */
  rewind(ms: number): void {
    this.clock = ms;
  }

  /** A message travelling from one node to another, starting now (or at `startMs` within a flight). */
  hop(
    from: string,
    to: string,
    direction: Exclude<Direction, 'local'>,
    spec: StepSpec,
    options: { readonly extraMs?: number; readonly startMs?: number } = {},
  ): Step {
    const duration = this.latency(from, to) + (options.extraMs ?? 0);
    return this.push(from, to, direction, spec, options.startMs ?? this.clock, duration);
  }

  /** Work inside one node taking `costMs`. */
  local(node: string, costMs: number, spec: StepSpec): Step {
    return this.push(node, node, 'local', spec, this.clock, costMs);
  }

  /**
   * The steps so far in the order they start (the order they were added, unless one was added after a
   * later one: a message answered while the sender went on, such as Drogon's COMMIT), numbered again.
   */
  build(): readonly Step[] {
    const byStart = this.steps
      .map((s, i) => [s, i] as const)
      .sort((a, b) => a[0].startMs - b[0].startMs || a[1] - b[1]);
    if (byStart.every(([, i], at) => i === at)) return this.steps;
    const sorted = byStart.map(([s], index) => ({ ...s, index }));
    this.steps.splice(0, this.steps.length, ...sorted);
    return this.steps;
  }

  private push(
    from: string,
    to: string,
    direction: Direction,
    spec: StepSpec,
    startMs: number,
    durationMs: number,
  ): Step {
    const count = (this.seen.get(spec.id) ?? 0) + 1;
    this.seen.set(spec.id, count);
    const step: Step = {
      index: this.steps.length,
      id: count === 1 ? spec.id : `${spec.id}-${count}`,
      from,
      to,
      phase: spec.phase,
      direction,
      title: spec.title,
      narration: spec.narration,
      why: spec.why ?? null,
      startMs: us(startMs),
      durationMs: us(durationMs),
      message: spec.message,
      changes: spec.changes ?? [],
    };
    this.steps.push(step);
    this.clock = Math.max(this.clock, startMs + durationMs);
    return step;
  }
}
