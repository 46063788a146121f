import * as v from 'valibot';
import { SCENARIOS } from '../scenarios/index.ts';

const envelope = { roundtrip: v.literal(1) };
const plain = (command: string) => v.strictObject({ ...envelope, command: v.literal(command) });

const CommandSchema = v.variant('command', [
  plain('play'),
  plain('pause'),
  plain('next'),
  plain('prev'),
  plain('restart'),
  plain('getState'),
  v.strictObject({
    ...envelope,
    command: v.literal('goto'),
    step: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  }),
  v.strictObject({
    ...envelope,
    command: v.literal('setScenario'),
    scenario: v.picklist(SCENARIOS.map((s) => s.id)),
  }),
]);

/** A command of the embedding API (PRODUCT.md §5), or a reveal.js slide message. */
export type EmbedCommand =
  | { readonly command: 'play' | 'pause' | 'next' | 'prev' | 'restart' | 'getState' }
  | { readonly command: 'goto'; readonly step: number }
  | { readonly command: 'setScenario'; readonly scenario: string }
  | { readonly command: 'slide:start' | 'slide:stop' };

/**
 * Validates a postMessage payload strictly: exactly `{ roundtrip: 1, command, …its own fields }`, or
 * reveal.js's "slide:start" / "slide:stop" strings. Anything else gives null and must be ignored.
 */
export function parseCommand(data: unknown): EmbedCommand | null {
  if (data === 'slide:start' || data === 'slide:stop') return { command: data };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const result = v.safeParse(CommandSchema, data);
  if (!result.success) return null;
  const { roundtrip: _ignored, ...command } = result.output;
  return command as EmbedCommand;
}
