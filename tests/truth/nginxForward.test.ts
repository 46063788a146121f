// What the reverse proxy forwards to the app, checked against a real nginx (when this machine has one) given the
// shop's proxy location as the core describes it (PROXY_SET_HEADERS, proxy_http_version 1.1, upstream
// keep-alive): the browser's request of every journey through the plain proxy is sent to it as the timeline
// shows it, a stand-in app records what arrives, and that must be the proxy → app step, header for header in
// order and case. The test's connection is plain HTTP, so the HTTPS server block sets X-Forwarded-Proto to
// https where the shop's says $scheme; the address nginx appends to X-Forwarded-For is the test's 127.0.0.1
// (read as the browser's or the CDN edge's) and $request_id random (compared
// by its shape: 32 hex digits).
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, buildTimeline } from '../../src/core/index.ts';
import type { HttpRequest, Scenario } from '../../src/core/index.ts';
import { builtScenario, decodeBuild } from '../../src/core/builder.ts';
import { PROXY_SET_HEADERS } from '../../src/core/engine/forwardedRequest.ts';
import { ADDRESS } from '../../src/core/world/world.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort, upstreamServer } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { shownOn, stackName, stepsWith } from './timelines.ts';

/** Builds whose API request misses the CDN edge and is fetched from the origin through the shop's nginx. */
const THROUGH_CDN: readonly Scenario[] = ['v1.cdn', 'v1.post.cdn', 'v1.http.cdn.cache.warm-cache'].map(
  (code) => {
    const read = decodeBuild(code);
    if (!read.ok) throw new Error(`${code}: ${read.problem}`);
    return builtScenario(read.spec);
  },
);

interface Forward {
  readonly where: string;
  readonly https: boolean;
  /** The address the shop's nginx sees the request come from: the browser's, or a CDN edge's. */
  readonly client: string;
  readonly fromBrowser: HttpRequest;
  readonly toApp: HttpRequest;
}

/**
 * Every journey in which an HTTP/1.1 request reaches the shop's own nginx and is forwarded: the browser's, or
 * a CDN edge's fetch from the origin (X-Forwarded-For already naming the browser).
 */
function forwards(): Forward[] {
  return [...SCENARIOS, ...THROUGH_CDN].flatMap((scenario) =>
    shownOn(scenario).flatMap((stack): Forward[] => {
      const t = buildTimeline(scenario, stack);
      const http = stepsWith(t, 'http');
      const toApp = http.find((s) => s.id === 'proxy-forward' && s.from === 'proxy' && s.to === 'app');
      const fromBrowser = http
        .filter(
          (s) =>
            (s.from === 'browser' || s.from === 'cdn') && s.to === 'proxy' && s.index < (toApp?.index ?? 0),
        )
        .at(-1);
      if (toApp?.message.http.kind !== 'request' || fromBrowser?.message.http.kind !== 'request') return [];
      return [
        {
          where: `${scenario.id} on ${stackName(stack)}`,
          client: fromBrowser.from === 'cdn' ? ADDRESS.cdn : ADDRESS.browser,
          // Over TLS for an https:// URL, or after a redirect to one (redirect-https).
          https:
            scenario.request.url.startsWith('https:') ||
            http.some(
              (s) =>
                s.index < fromBrowser.index &&
                s.message.http.headers.some(([n, v]) => n === 'Location' && v.startsWith('https:')),
            ),
          fromBrowser: fromBrowser.message.http,
          toApp: toApp.message.http,
        },
      ];
    }),
  );
}

/** The stand-in app: records each request head under its X-Pass number and answers 204. */
const appServer = (heads: Map<number, string[]>) =>
  upstreamServer((head) => {
    heads.set(Number(/^x-pass: (\d+)$/im.exec(head.join('\n'))?.[1]), head);
    return 'HTTP/1.1 204 No Content\r\n\r\n';
  });

const headOf = (m: HttpRequest): string[] => serializeHttp(m).split('\r\n\r\n')[0]?.split('\r\n') ?? [];
/** A head with the test's own address (127.0.0.1, appended by nginx) read as the journey's `client`. */
const normal = (lines: readonly string[], client: string) =>
  lines
    .filter((l) => !/^x-pass: /i.test(l))
    .map((l) =>
      l
        .replace(/^(X-Forwarded-For: (?:.+, )?)127\.0\.0\.1$/, `$1${client}`)
        .replace(/^(X-Request-ID: )[0-9a-f]{32}$/, '$1(32 hex)'),
    );

const location = (https: boolean) => `
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
${PROXY_SET_HEADERS.map(([name, value]) => `      proxy_set_header ${name} ${https && value === '$scheme' ? 'https' : value};`).join('\n')}
    }`;

describe.runIf(HAS_NGINX)(
  'what the proxy forwards, against a real nginx with the shop’s proxy_set_header lines',
  () => {
    const cases = forwards();
    const heads = new Map<number, string[]>();
    const app = appServer(heads);
    let nginx: NginxProcess | null = null;
    let [httpsPort, plainPort] = [0, 0];

    beforeAll(async () => {
      await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
      const appPort = (app.address() as AddressInfo).port;
      [httpsPort, plainPort] = [await freePort(), await freePort()];
      nginx = await startNginx(
        `  upstream app { server 127.0.0.1:${appPort}; keepalive 8; }
  server { listen 127.0.0.1:${httpsPort}; ${location(true)} }
  server { listen 127.0.0.1:${plainPort}; ${location(false)} }
`,
        plainPort,
      );
    }, 30_000);

    afterAll(() => {
      nginx?.stop();
      app.close();
    });

    it('covers GET and POST journeys over HTTPS and plain HTTP, and a CDN edge’s fetch from the origin', () => {
      expect(cases.some((c) => c.fromBrowser.method === 'POST')).toBe(true);
      expect(cases.some((c) => c.client === ADDRESS.cdn)).toBe(true);
      expect(cases.some((c) => !c.https)).toBe(true);
      expect(cases.length).toBeGreaterThan(100);
    });

    it('is the proxy → app step: the set headers first in config order, then Content-Length, then the browser’s', async () => {
      for (const [id, c] of cases.entries()) {
        const tagged = {
          ...c.fromBrowser,
          headers: [...c.fromBrowser.headers, ['X-Pass', String(id)] as const],
        };
        await exchangeRaw(c.https ? httpsPort : plainPort, serializeHttp(tagged));
        expect(normal(heads.get(id) ?? [], c.client), c.where).toEqual(normal(headOf(c.toApp), c.client));
      }
    }, 60_000);
  },
);
