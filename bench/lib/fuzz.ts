/**
 * Hostile inputs at scale: the arbitraries of the property tests (tests/support/hostileInputs.ts)
 * and two structured ones that reach deeper (real parameter names and command shapes with hostile
 * values), a million runs each by default, with a stricter property than "does not throw": whatever the
 * parser accepts must be valid.
 */
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parseCommand } from '../../src/core/api/parseCommand.ts';
import { SCENARIOS } from '../../src/core/index.ts';
import { DEFAULT_LINK, formatHash, parseHash } from '../../src/core/link/index.ts';
import { SPEEDS } from '../../src/core/playback/index.ts';
import { hostileHash, hostileMessage } from '../../tests/support/hostileInputs.ts';

const SCENARIO_IDS = SCENARIOS.map((s) => s.id);
const HASH_KEYS = Object.keys(DEFAULT_LINK);
const TRAP_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const PLAIN_COMMANDS = ['play', 'pause', 'next', 'prev', 'restart', 'getState'];

/** Valid values of each parameter, so that generated hashes reach every schema's success path too. */
const VALID: Record<string, readonly string[]> = {
  scenario: SCENARIO_IDS,
  lang: ['node', 'python', 'java', 'ruby', 'go', 'php'],
  db: ['postgres', 'mysql', 'mongodb'],
  step: ['1', '7', '35', '999999'],
  speed: SPEEDS.map(String),
  pause: ['hop', 'none'],
  pace: ['teaching', 'real'],
  theme: ['light', 'dark', 'projector'],
  controls: ['full', 'minimal', 'none'],
  motion: ['auto', '0', '1'],
};
const validFor = (key: string): readonly string[] => (Object.hasOwn(VALID, key) && VALID[key]) || ['0', '1'];

/** Near misses, encodings and junk. */
const junkValue = fc.oneof(
  fc.constantFrom(
    ...['2', '-1', '01', '1e3', '0x10', '1000000', '1.0', '.5', 'NaN', 'Infinity', '3', 'cobol', 'Node'],
    ...[' 1', '1 ', '', '%', '%00', '%zz', '%E0%A4%A', '+', '&', '=', '#', '\u0000', '\uD800', '<script>'],
    ...TRAP_KEYS,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** One `key=value` of a hash: mostly real names, often valid values, sometimes encoded or bare. */
const hashPair = fc
  .oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HASH_KEYS) },
    { weight: 1, arbitrary: fc.constantFrom(...TRAP_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  )
  .chain((key) =>
    fc.tuple(
      fc.constant(key),
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...validFor(key)) },
        { weight: 2, arbitrary: junkValue },
      ),
      fc.constantFrom('raw', 'raw', 'raw', 'encoded', 'no-equals'),
    ),
  );

/** A hash built from the real parameter names (and prototype traps) with valid and hostile values. */
export const hashLike = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('#', '#', '#', '', '##', '#?', '#&'),
      fc.array(hashPair, { maxLength: 24 }),
      fc.constantFrom('&', '&', '&', '&&', ';', '&amp;'),
    )
    .map(
      ([prefix, pairs, separator]) =>
        prefix +
        pairs
          .map(([key, value, form]) =>
            form === 'no-equals' ? key : `${key}=${form === 'encoded' ? safeEncode(value) : value}`,
          )
          .join(separator),
    );

/** encodeURIComponent, except that a lone surrogate (which it refuses) stays as it is. */
function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Field values that come close: wrong types, out of range, prototype traps, or anything at all. */
const hostileField = fc.oneof(
  fc.constantFrom(1_000_001, 0, -0, -1, 1.5, NaN, Infinity, 2 ** 53, '1', '3', true, null, undefined),
  fc.constantFrom('slide:start', 'eval', 'Play', 'First-Visit', 'many-requests', '', ...TRAP_KEYS),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.anything(),
);

/** A valid command of the embedding API, as a host page would send it. */
const validCommand = fc.oneof(
  fc.constantFrom(...PLAIN_COMMANDS).map((command) => ({ roundtrip: 1, command }) as Record<string, unknown>),
  fc.integer({ min: 1, max: 1_000_000 }).map((step) => ({ roundtrip: 1, command: 'goto', step })),
  fc.constantFrom(...SCENARIO_IDS).map((scenario) => ({ roundtrip: 1, command: 'setScenario', scenario })),
);

/** Drop a field, or set one (own property, even "__proto__", as JSON.parse and structured clone make). */
const mutation = fc.oneof(
  fc.record({ drop: fc.constantFrom('roundtrip', 'command', 'step', 'scenario') }),
  fc.record({
    set: fc.constantFrom('roundtrip', 'command', 'step', 'scenario', 'extra', ...TRAP_KEYS),
    value: hostileField,
  }),
);

/**
 * A message shaped like the embedding API's commands: a valid one, then up to three fields dropped or
 * set to hostile values; sometimes on an object without a prototype.
 */
export const commandLike = (): fc.Arbitrary<unknown> =>
  fc
    .tuple(validCommand, fc.array(mutation, { maxLength: 3 }), fc.boolean())
    .map(([command, mutations, nullPrototype]) => {
      const data = (nullPrototype ? Object.create(null) : {}) as Record<string, unknown>;
      Object.assign(data, command);
      for (const m of mutations) {
        if ('drop' in m) delete data[m.drop];
        else
          Object.defineProperty(data, m.set, {
            value: m.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      }
      return data;
    });

/** What parseHash must do with any input: not throw, and give a complete state that is itself valid. */
export function checkHash(hash: string): void {
  const { state, problems } = parseHash(hash);
  if (!isDeepStrictEqual(Object.keys(state).sort(), Object.keys(DEFAULT_LINK).sort()))
    throw new Error(`incomplete state: ${JSON.stringify(state)}`);
  if (!problems.every((p) => typeof p === 'string')) throw new Error('a problem that is not a string');
  const again = parseHash(formatHash(state));
  if (!isDeepStrictEqual(again, { state, problems: [] }))
    throw new Error(`accepted an invalid state: ${JSON.stringify(state)} → ${JSON.stringify(again)}`);
}

/** What parseCommand must do with any message: not throw, and accept only a well-formed command. */
export function checkCommand(data: unknown): void {
  const result = parseCommand(data);
  if (result === null) return;
  const keys = Object.keys(result).sort().join(',');
  const ok =
    (PLAIN_COMMANDS.includes(result.command) && keys === 'command') ||
    ((result.command === 'slide:start' || result.command === 'slide:stop') &&
      keys === 'command' &&
      data === result.command) ||
    (result.command === 'goto' &&
      keys === 'command,step' &&
      Number.isInteger(result.step) &&
      result.step >= 1 &&
      result.step <= 1_000_000) ||
    (result.command === 'setScenario' &&
      keys === 'command,scenario' &&
      SCENARIO_IDS.includes(result.scenario));
  if (!ok) throw new Error(`accepted a malformed command: ${JSON.stringify(result)}`);
}

export interface FuzzTarget {
  readonly name: string;
  /** Where the arbitrary comes from: the property test's own, or the benchmark's structured one. */
  readonly source: string;
  readonly arbitrary: () => fc.Arbitrary<unknown>;
  readonly check: (input: unknown) => void;
}

export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  {
    name: 'parseHash × hostileHash',
    source: 'tests/support/hostileInputs.ts (parseHash.test.ts)',
    arbitrary: hostileHash,
    check: (input) => checkHash(input as string),
  },
  {
    name: 'parseHash × hashLike',
    source: 'bench/lib/fuzz.ts',
    arbitrary: hashLike,
    check: (input) => checkHash(input as string),
  },
  {
    name: 'parseCommand × hostileMessage',
    source: 'tests/support/hostileInputs.ts (parseCommand.test.ts)',
    arbitrary: hostileMessage,
    check: checkCommand,
  },
  {
    name: 'parseCommand × commandLike',
    source: 'bench/lib/fuzz.ts',
    arbitrary: commandLike,
    check: checkCommand,
  },
];

export interface FuzzResult {
  readonly name: string;
  readonly source: string;
  readonly runs: number;
  readonly seed: number;
  readonly seconds: number;
  /** Inputs generated and checked per second. */
  readonly perSecond: number;
  /** Time inside the parser alone (and its check), per input, µs. */
  readonly checkUs: number;
  readonly failed: boolean;
  /** The shrunk counterexample and its error, with the seed and path to replay it. */
  readonly failure: { counterexample: string; error: string; path: string | null } | null;
  /** Whether Object.prototype was left as found. */
  readonly prototypeClean: boolean;
}

function describe(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 500);
  } catch {
    return String(value).slice(0, 500);
  }
}

/** Runs one target `runs` times with fast-check and reports throughput and any failure. */
export function runFuzz(target: FuzzTarget, runs: number, seed: number): FuzzResult {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join(',');
  let checkMs = 0;
  const t0 = performance.now();
  const details = fc.check(
    fc.property(target.arbitrary(), (input) => {
      const c0 = performance.now();
      try {
        target.check(input);
      } finally {
        checkMs += performance.now() - c0;
      }
    }),
    { numRuns: runs, seed, endOnFailure: false },
  );
  const seconds = (performance.now() - t0) / 1000;
  const ran = details.numRuns;
  const error = details.errorInstance;
  return {
    name: target.name,
    source: target.source,
    runs: ran,
    seed,
    seconds: Number(seconds.toFixed(1)),
    perSecond: Math.round(ran / seconds),
    checkUs: Number(((checkMs * 1000) / Math.max(ran, 1)).toFixed(2)),
    failed: details.failed,
    failure: details.failed
      ? {
          counterexample: describe(details.counterexample?.[0]),
          error: error instanceof Error ? error.message.slice(0, 500) : String(error),
          path: details.counterexamplePath,
        }
      : null,
    prototypeClean: Object.getOwnPropertyNames(Object.prototype).join(',') === prototypeKeys,
  };
}
