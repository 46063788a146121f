import type { Link, NodeState, SimNode } from './nodes.ts';
import type { Message } from './messages.ts';
import type { Stack } from './stack.ts';

/** The waterfall phases, in DevTools order. */
export const PHASES = ['dns', 'connect', 'tls', 'request', 'server', 'database', 'response'] as const;
export type Phase = (typeof PHASES)[number];

/** Which way a step moves: towards the data, back to the browser, or work inside one node. */
export type Direction = 'request' | 'response' | 'local';

/** A change inside a node: set `key` to `value`, or remove it when value is null. */
export interface StateChange {
  readonly node: string;
  readonly key: string;
  readonly value: string | null;
}

/** One hop (or one piece of work inside a node) of the journey. */
export interface Step {
  /** 0-based position in `steps`; links and the UI count from 1. */
  readonly index: number;
  /** Stable slug for tests and drivers: "dns-root-referral", "tcp-syn", "http-response-200". */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly phase: Phase;
  readonly direction: Direction;
  readonly title: string;
  readonly narration: string;
  /** A line tying the step to a backend responsibility (security, performance, scalability), when one fits. */
  readonly why: string | null;
  readonly startMs: number;
  readonly durationMs: number;
  readonly message: Message;
  readonly changes: readonly StateChange[];
}

/** How the journey ended. */
export interface Outcome {
  readonly ok: boolean;
  /** HTTP status the browser got, or null when no response arrived (DNS or TLS failure). */
  readonly status: number | null;
  /** One line: "200 OK in 182.4 ms", "NXDOMAIN: the name does not exist". */
  readonly summary: string;
}

/** What the core produces for one scenario and stack (PRODUCT.md §5, Timeline JSON, plus the diagram). */
export interface Timeline {
  readonly scenario: string;
  readonly title: string;
  readonly teaches: string;
  readonly stack: Stack;
  readonly totalMs: number;
  readonly nodes: readonly SimNode[];
  readonly links: readonly Link[];
  /** What each node knows before step 1. */
  readonly initialState: Readonly<Record<string, NodeState>>;
  readonly steps: readonly Step[];
  readonly outcome: Outcome;
}
