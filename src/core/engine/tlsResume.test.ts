import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES, buildTimeline, scenarioById } from '../index.ts';
import type { Stack, Step } from '../index.ts';

const STACKS: Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));

const tlsType = (s: Step): string | null => (s.message.protocol === 'tls' ? s.message.tls.type : null);
const fields = (s: Step): readonly (readonly [string, string])[] =>
  s.message.protocol === 'tls' ? s.message.tls.fields : [];

describe('tls-resumption: a new connection resumes with a session ticket', () => {
  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    'on %s the server’s flight has no certificate and a fresh ticket follows the handshake',
    (_, stack) => {
      const t = buildTimeline(scenarioById('tls-resumption')!, stack);
      const hello = t.steps.find((s) => s.id === 'tls-client-hello')!;
      const names = fields(hello).map(([n]) => n);
      expect(names.at(-1)).toBe('pre_shared_key');
      expect(fields(hello)).toContainEqual(['psk_key_exchange_modes', 'psk_dhe_ke (1)']);
      expect(names).toContain('key_share');
      const fromProxy = t.steps.filter((s) => s.from === 'proxy' && tlsType(s) !== null).map(tlsType);
      expect(fromProxy).toEqual(['ServerHello', 'EncryptedExtensions', 'Finished', 'NewSessionTicket']);
      expect(t.steps.map((s) => s.id)).not.toContain('tls-verify');
      const serverHello = t.steps.find((s) => s.id === 'tls-server-hello')!;
      expect(fields(serverHello)).toContainEqual(['pre_shared_key', 'selected_identity: 0']);
      // The ticket leaves nginx when the client's Finished arrives, with the request that followed it.
      const finished = t.steps.find((s) => s.id === 'tls-client-finished')!;
      const request = t.steps.find((s) => s.id === 'http-request')!;
      const ticket = t.steps.find((s) => s.id === 'tls-new-session-ticket')!;
      expect(request.startMs).toBe(finished.startMs);
      expect(ticket.startMs).toBeCloseTo(finished.startMs + finished.durationMs, 6);
      expect(t.initialState['browser']?.['TLS tickets']).toMatch(/^2 unused/);
      expect(hello.changes).toContainEqual({
        node: 'browser',
        key: 'TLS tickets',
        value: '1 unused for shop.example',
      });
      expect(ticket.changes).toContainEqual({
        node: 'browser',
        key: 'TLS tickets',
        value: '2 unused for shop.example',
      });
      expect(t.outcome.status).toBe(200);
    },
  );

  it('disguises the ticket’s age with age_add, modulo 2^32 (RFC 8446 §4.2.11.1)', () => {
    const t = buildTimeline(scenarioById('tls-resumption')!, STACKS[0]!);
    const psk = fields(t.steps.find((s) => s.id === 'tls-client-hello')!).at(-1)![1];
    const [, obfuscated, age, add] = /obfuscated_ticket_age: (\d+) \((\d+) ms \+ age_add (\d+)\)/.exec(psk)!;
    expect(Number(obfuscated)).toBe((Number(age) + Number(add)) % 2 ** 32);
  });

  it('takes as many round trips as a full handshake, without the browser’s certificate check', () => {
    const full = buildTimeline(scenarioById('first-visit')!, STACKS[0]!);
    const resumed = buildTimeline(scenarioById('tls-resumption')!, STACKS[0]!);
    const span = (t: typeof full) => {
      const hello = t.steps.find((s) => s.id === 'tls-client-hello')!;
      const finished = t.steps.find((s) => s.id === 'tls-client-finished')!;
      return finished.startMs - hello.startMs;
    };
    const verify = full.steps.find((s) => s.id === 'tls-verify')!.durationMs;
    expect(span(full) - span(resumed)).toBeCloseTo(verify - 0.02 + 0.008, 6);
  });
});
