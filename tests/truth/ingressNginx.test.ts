// ingress-nginx's side of the kubernetes and rolling-deploy journeys, checked against a real nginx (when this
// machine has one) given the directives the controller's nginx.tmpl writes for a location with its ConfigMap
// defaults (kubernetes/ingress-nginx at dbb11b9): the maps for $connection_upgrade and $req_id, the
// proxy_set_header lines in the template's order, proxy_http_version 1.1 and upstream keep-alive. The browser's
// request is sent to it as the timeline shows it; a stand-in pod records what nginx forwards and answers with
// the pod's response from the timeline. What nginx forwards must be the ingress → pod step, header for header,
// and what it sends back the ingress → browser step. Two differences are the controller's modules, which
// nginx-light lacks: the controller's nginx has no Server header (`more_clear_headers Server`, headers-more),
// and sets HSTS from Lua's header filter, here `add_header … always` (both append after the upstream's
// headers). $request_id is random, so X-Request-ID is compared by its shape.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { builtScenario, decodeBuild } from '../../src/core/builder.ts';
import type { HttpRequest, HttpResponse } from '../../src/core/index.ts';
import { ADDRESS } from '../../src/core/world/world.ts';
import { INGRESS_NGINX } from '../../src/core/protocols/ingressNginx.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort, upstreamServer } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stackName, stepsWith } from './timelines.ts';

/** One request through the ingress: what the browser sent, what the pod got and answered, what went back. */
interface Pass {
  readonly where: string;
  readonly fromBrowser: HttpRequest;
  readonly toPod: HttpRequest;
  readonly fromPod: HttpResponse;
  readonly toBrowser: HttpResponse;
  /** Who connects to the ingress: the browser, or the CDN edge in front of it. */
  readonly client: string;
}

function passes(): Pass[] {
  const out: Pass[] = [];
  // The builder's cluster behind a CDN: the edge's request (with its X-Forwarded-For) is what reaches nginx.
  const behindCdn = decodeBuild('v1.k8s.cdn');
  if (!behindCdn.ok) throw new Error(behindCdn.problem);
  for (const id of ['kubernetes', 'rolling-deploy', 'v1.k8s.cdn']) {
    const scenario = scenarioById(id) ?? (id === 'v1.k8s.cdn' ? builtScenario(behindCdn.spec) : undefined);
    if (!scenario) throw new Error(`no scenario ${id}`);
    const cdn = scenario.topology.cdn;
    for (const stack of STACKS) {
      const http = stepsWith(buildTimeline(scenario, stack), 'http');
      const of = (prefix: string, from: (s: (typeof http)[number]) => boolean) =>
        http.filter((s) => s.id.startsWith(prefix) && from(s)).map((s) => s.message.http);
      const fromBrowser = of(cdn ? 'cdn-forward' : 'http-request', () => true);
      const toPod = of('proxy-forward', () => true);
      const fromPod = of('app-response-', (s) => s.to === 'proxy');
      const toBrowser = cdn
        ? of('cdn-origin-response', () => true)
        : of('http-response-', (s) => s.from === 'proxy');
      fromBrowser.forEach((request, i) => {
        const [a, b, c] = [toPod[i], fromPod[i], toBrowser[i]];
        if (
          request.kind !== 'request' ||
          a?.kind !== 'request' ||
          b?.kind !== 'response' ||
          c?.kind !== 'response'
        )
          throw new Error(`${id} on ${stackName(stack)}: request ${i + 1} is not a full pass`);
        out.push({
          where: `${id} on ${stackName(stack)}, request ${i + 1}`,
          fromBrowser: request,
          toPod: a,
          fromPod: b,
          toBrowser: c,
          client: cdn ? ADDRESS.cdn : ADDRESS.browser,
        });
      });
    }
  }
  return out;
}

/** The stand-in pod: records each request head and answers with the raw response its X-Pass header names. */
const podServer = (answers: readonly string[], heads: Map<number, string[]>) =>
  upstreamServer((head) => {
    const id = Number(/^x-pass: (\d+)$/im.exec(head.join('\n'))?.[1]);
    heads.set(id, head);
    return answers[id] ?? 'HTTP/1.1 500 No Such Pass\r\nContent-Length: 0\r\n\r\n';
  });

const headOf = (m: HttpRequest | HttpResponse): string[] =>
  serializeHttp(m).split('\r\n\r\n')[0]?.split('\r\n') ?? [];
const tagged = (request: HttpRequest, id: number): HttpRequest => ({
  ...request,
  headers: [...request.headers, ['X-Pass', String(id)]],
});
const normal = (lines: readonly string[]) =>
  lines.map((l) =>
    /^date: /i.test(l) ? 'Date: (now)' : l.replace(/^(X-Request-ID: )[0-9a-f]{32}$/, '$1(32 hex)'),
  );

/** The location block nginx.tmpl writes, with its defaults; `https` stands in for the TLS server's variables. */
const location = (https: boolean) => `
    set $pass_access_scheme ${https ? 'https' : 'http'};
    set $pass_port ${https ? 443 : 80};
    set $best_http_host $http_host;
    location / {
      proxy_set_header Host $best_http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header X-Request-ID $req_id;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Host $best_http_host;
      proxy_set_header X-Forwarded-Port $pass_port;
      proxy_set_header X-Forwarded-Proto $pass_access_scheme;
      proxy_set_header X-Forwarded-Scheme $pass_access_scheme;
      proxy_set_header X-Scheme $pass_access_scheme;
      proxy_set_header X-Original-Forwarded-For $http_x_forwarded_for;
      proxy_set_header X-Original-Forwarded-Host $http_x_forwarded_host;
      proxy_set_header Proxy "";
      proxy_http_version 1.1;
      ${https ? `add_header Strict-Transport-Security "${INGRESS_NGINX.hsts}" always;` : ''}
      proxy_pass http://upstream_balancer;
    }`;

describe.runIf(HAS_NGINX)('ingress-nginx against a real nginx with the controller’s directives', () => {
  const cases = passes();
  const heads = new Map<number, string[]>();
  const pod = podServer(
    cases.map((c) => serializeHttp(c.fromPod)),
    heads,
  );
  let nginx: NginxProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => pod.listen(0, '127.0.0.1', resolve));
    const podPort = (pod.address() as AddressInfo).port;
    port = await freePort();
    nginx = await startNginx(
      `  map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
  map $http_x_request_id $req_id { default $http_x_request_id; "" $request_id; }
  upstream upstream_balancer { server 127.0.0.1:${podPort}; keepalive 320; }
  server { listen 127.0.0.1:${port}; ${location(true)} }
`,
      port,
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    pod.close();
  });

  it('both scenarios and the cluster behind a CDN pass through the ingress on every stack (rolling-deploy three times)', () => {
    expect(cases.length).toBe(5 * STACKS.length);
    expect(cases.every((c) => c.fromBrowser.headers.some(([n]) => n === 'Host'))).toBe(true);
  });

  it('what nginx forwards is the ingress → pod step and what it sends back the ingress → browser step', async () => {
    for (const [id, c] of cases.entries()) {
      const got = await exchangeRaw(port, serializeHttp(tagged(c.fromBrowser, id)));
      // The test's client is 127.0.0.1; in the journey it is the browser.
      const forwarded = (heads.get(id) ?? [])
        .filter((l) => !/^x-pass: /i.test(l))
        .map((l) => l.replace(/^(X-Real-IP|X-Forwarded-For): 127\.0\.0\.1$/, `$1: ${c.client}`));
      expect(normal(forwarded), `${c.where}: forwarded`).toEqual(normal(headOf(c.toPod)));
      // nginx-light writes Server: nginx; the controller's headers-more clears it.
      expect(got.head[1], `${c.where}: nginx-light's Server`).toBe('Server: nginx');
      const relayed = got.head.filter((l) => l !== 'Server: nginx');
      expect(normal(relayed), `${c.where}: relayed`).toEqual(normal(headOf(c.toBrowser)));
      expect(got.body.toString('utf8'), `${c.where}: body`).toBe(c.toBrowser.body);
    }
  }, 60_000);
});
