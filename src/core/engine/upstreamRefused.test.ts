import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES, buildTimeline, scenarioById } from '../index.ts';
import type { Stack } from '../index.ts';

const STACKS: Stack[] = LANGUAGES.flatMap((lang) => DATABASES.map((db) => ({ lang, db })));
const scenario = scenarioById('bad-gateway')!;

describe('bad-gateway: the app process is down', () => {
  it.each(STACKS.map((s) => [`${s.lang}+${s.db}`, s] as const))(
    'on %s the proxy’s SYN is refused at once and nginx answers its own 502',
    (_, stack) => {
      const t = buildTimeline(scenario, stack);
      const at = (id: string) => t.steps.find((s) => s.id === id);
      const syn = at('upstream-syn')!;
      const rst = at('upstream-rst')!;
      expect([syn.from, syn.to, syn.message.summary]).toEqual(['proxy', 'app', 'SYN']);
      expect([rst.from, rst.to, rst.message.summary]).toEqual(['app', 'proxy', 'RST']);
      // The refusal takes one round trip on the private link, no retransmission, no timeout.
      expect(rst.startMs + rst.durationMs - syn.startMs).toBeLessThan(5);
      const synSegment = syn.message.protocol === 'tcp' ? syn.message.tcp : null;
      const rstSegment = rst.message.protocol === 'tcp' ? rst.message.tcp : null;
      expect(rstSegment).toMatchObject({
        flags: ['RST', 'ACK'],
        seq: 0,
        ack: synSegment!.seq + 1,
        window: 0,
      });
      expect(rst.message.text).toMatch(/Flags \[R\.\], seq 0, ack \d+, win 0, length 0$/);
      // Nothing reaches the app: no HTTP to it, no handler, no database.
      expect(t.steps.some((s) => s.to === 'app' && s.message.protocol === 'http')).toBe(false);
      expect(t.steps.some((s) => s.from === 'db' || s.to === 'db' || s.id.startsWith('server-'))).toBe(false);
      expect(at('proxy-bad-gateway')!.message.text).toMatch(
        new RegExp(
          String.raw`^2026/11/24 09:00:00 \[error\] \d+#\d+: \*1 connect\(\) failed \(111: Connection refused\) while connecting to upstream, client: 192\.0\.2\.15, server: shop\.example, request: "GET /api/products/42 HTTP/1\.1", upstream: "http://10\.0\.0\.21:\d+/api/products/42", host: "shop\.example", referrer: "https://shop\.example/"$`,
        ),
      );
      expect(t.outcome.status).toBe(502);
      const last = t.steps.filter((s) => s.from === 'proxy' && s.to === 'browser').at(-1)!;
      expect(
        last.message.protocol === 'http' && last.message.http.kind === 'response' && last.message.http.reason,
      ).toBe('Bad Gateway');
    },
  );

  it('the app node says its port is closed; healthy scenarios say nothing of a process', () => {
    const t = buildTimeline(scenario, { lang: 'go', db: 'mysql' });
    expect(t.initialState['app']?.['process']).toBe('DOWN (nothing listens on :8080)');
    expect(
      buildTimeline(scenarioById('first-visit')!, { lang: 'go', db: 'mysql' }).initialState['app'],
    ).not.toHaveProperty('process');
  });
});
