import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from './parseCommand.ts';
import { hostileMessage } from '../../../tests/support/hostileInputs.ts';

describe('parseCommand', () => {
  it('accepts each command of the embedding API', () => {
    for (const command of ['play', 'pause', 'next', 'prev', 'restart', 'getState'] as const) {
      expect(parseCommand({ roundtrip: 1, command })).toEqual({ command });
    }
    expect(parseCommand({ roundtrip: 1, command: 'goto', step: 7 })).toEqual({ command: 'goto', step: 7 });
    expect(parseCommand({ roundtrip: 1, command: 'setScenario', scenario: 'cache-hit' })).toEqual({
      command: 'setScenario',
      scenario: 'cache-hit',
    });
  });

  it('understands reveal.js slide:start and slide:stop', () => {
    expect(parseCommand('slide:start')).toEqual({ command: 'slide:start' });
    expect(parseCommand('slide:stop')).toEqual({ command: 'slide:stop' });
  });

  it('ignores anything else: wrong envelope, extra fields, bad steps, unknown scenarios', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'play',
      42,
      [],
      { command: 'play' },
      { roundtrip: 2, command: 'play' },
      { roundtrip: '1', command: 'play' },
      { roundtrip: 1, command: 'play', extra: true },
      { roundtrip: 1, command: 'goto' },
      { roundtrip: 1, command: 'goto', step: 0 },
      { roundtrip: 1, command: 'goto', step: 1.5 },
      { roundtrip: 1, command: 'goto', step: '3' },
      { roundtrip: 1, command: 'goto', step: 1e12 },
      { roundtrip: 1, command: 'setScenario', scenario: '__proto__' },
      { roundtrip: 1, command: 'eval' },
      JSON.parse('{"roundtrip":1,"command":"play","__proto__":{"polluted":true}}'),
    ];
    for (const data of bad) expect(parseCommand(data)).toBeNull();
  });

  it("hands back a new object with the command's own fields, never the sender's object", () => {
    // A parser that validates and then strips the envelope off the message it was given would pass
    // every other test here, and leave the sender holding the command the player acts on.
    const sent = JSON.parse('{"roundtrip":1,"command":"goto","step":3}') as Record<string, unknown>;
    const command = parseCommand(sent);
    expect(command).not.toBe(sent);
    expect(sent).toEqual({ roundtrip: 1, command: 'goto', step: 3 });
    expect(Object.getPrototypeOf(command)).toBe(Object.prototype);
    expect(Object.getOwnPropertyNames(command)).toEqual(['command', 'step']);
    sent['step'] = 9;
    expect(command).toEqual({ command: 'goto', step: 3 });
  });

  it('never throws on arbitrary data', () => {
    fc.assert(
      fc.property(hostileMessage(), (data) => {
        const result = parseCommand(data);
        expect(result === null || typeof result.command === 'string').toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });
});
