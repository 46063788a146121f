import type { Header, HttpResponse } from '../model/messages.ts';
import type { Outcome } from '../model/timeline.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { chromePolicy, hpackEncoder } from '../protocols/hpack.ts';
import { httpRequest, statusText } from '../protocols/http.ts';
import {
  dataFrame,
  headersFrame,
  http2Message,
  settingsAck,
  settingsFrame,
  windowUpdate,
} from '../protocols/http2Frames.ts';
import { nginxHpack } from '../protocols/nginxHpack.ts';
import { CLIENT_HINTS, COST_MS, USER_AGENT } from '../world/world.ts';
import { parseUrl } from './parseUrl.ts';
import { serveRequest } from './serveRequest.ts';

/** Chromium's SETTINGS and connection WINDOW_UPDATE (recorded from /usr/bin/chromium in tests/truth/http2.test.ts). */
export const CHROME_SETTINGS = [
  [1, 65536],
  [2, 0],
  [4, 6291456],
  [6, 262144],
] as const;
export const CHROME_WINDOW_UPDATE = 15663105;
/** nginx 1.22's (http2_max_concurrent_streams 128, a 64 KiB stream window, the largest frame size), checked on a real one. */
export const NGINX_SETTINGS = [
  [3, 128],
  [4, 65536],
  [5, 16777215],
] as const;
export const NGINX_WINDOW_UPDATE = 2147418112;

/** One request of the page over HTTP/2: what it asks for and how Chromium ranks it. */
interface PageRequest {
  readonly stream: number;
  readonly url: string;
  readonly kind: 'style' | 'fetch';
  /** Chromium's HTTP/2 priority: the stream it depends on (exclusively) and its weight. */
  readonly priority: { readonly dependsOn: number; readonly weight: number };
}

/**
 * The page's two requests as Chromium sends them over HTTP/2: the stylesheet of its `<link>` (highest
 * priority: weight 256, `priority: u=0`) and its `fetch()` (medium: weight 220 under the open stylesheet's
 * stream, `priority: u=1, i`). Header names lower case, pseudo-headers first in Chromium's order
 * (:method, :authority, :scheme, :path), no Host or Connection.
 */
export function chromeH2Headers(host: string, path: string, kind: PageRequest['kind']): Header[] {
  const style = kind === 'style';
  return [
    [':method', 'GET'],
    [':authority', host],
    [':scheme', 'https'],
    [':path', path],
    ['sec-ch-ua-platform', CLIENT_HINTS.platform],
    ['user-agent', USER_AGENT],
    ['sec-ch-ua', CLIENT_HINTS.brands],
    ['sec-ch-ua-mobile', CLIENT_HINTS.mobile],
    ['accept', style ? 'text/css,*/*;q=0.1' : '*/*'],
    ['sec-fetch-site', 'same-origin'],
    ['sec-fetch-mode', style ? 'no-cors' : 'cors'],
    ['sec-fetch-dest', style ? 'style' : 'empty'],
    ['referer', `https://${host}/`],
    ['accept-encoding', 'gzip, deflate, br, zstd'],
    ['accept-language', 'en-US,en;q=0.9'],
    ['priority', style ? 'u=0' : 'u=1, i'],
  ];
}

/** The page's requests on the connection: the stylesheet on stream 1, the scenario's fetch on stream 3. */
export const pageRequests = (host: string, fetchUrl: string): readonly PageRequest[] => [
  {
    stream: 1,
    url: `https://${host}/static/app.css`,
    kind: 'style',
    priority: { dependsOn: 0, weight: 256 },
  },
  { stream: 3, url: fetchUrl, kind: 'fetch', priority: { dependsOn: 1, weight: 220 } },
];

/**
 * Everything on an HTTP/2 connection after TLS picked h2: the browser's preface, SETTINGS and
 * WINDOW_UPDATE with the page's requests as HEADERS frames on streams 1 and 3 in one flight; nginx's
 * SETTINGS; each stream served as nginx serves it (the stylesheet from disk, the API call through the app
 * over HTTP/1.1) and answered with HEADERS and DATA as soon as it is ready, so stream 1's answer does not
 * wait for stream 3's.
 */
export function http2Exchange(ctx: EngineContext): Outcome {
  const { b, url } = ctx;
  const encode = hpackEncoder(chromePolicy);
  const requests = pageRequests(url.host, ctx.scenario.request.url);
  const sent = b.now();
  const gap = 0.004;
  b.hop('browser', 'proxy', 'request', {
    id: 'h2-preface',
    phase: 'request',
    title: 'HTTP/2 preface and SETTINGS',
    narration:
      'Right behind its Finished, the browser opens HTTP/2: the connection preface (a fixed string no HTTP/1.1 server would accept), its SETTINGS (a 64 KiB HPACK table, no server push, a 6 MiB window per stream, a 256 KiB limit on headers) and a WINDOW_UPDATE that opens the whole connection’s window to 15 MiB. It does not wait for the server’s SETTINGS before asking.',
    message: http2Message(
      'preface, SETTINGS, WINDOW_UPDATE',
      [settingsFrame(CHROME_SETTINGS), windowUpdate(0, CHROME_WINDOW_UPDATE)],
      true,
    ),
  });
  requests.forEach((r, i) => {
    const block = encode(chromeH2Headers(url.host, parseUrl(r.url).target, r.kind));
    b.hop(
      'browser',
      'proxy',
      'request',
      {
        id: `h2-headers-${r.stream}`,
        phase: 'request',
        title: `HEADERS stream ${r.stream}: GET ${parseUrl(r.url).target}`,
        narration:
          i === 0
            ? `The stylesheet’s request is one HEADERS frame on stream ${r.stream} (END_STREAM: a GET has no body). The request line became pseudo-headers, :method, :authority (instead of Host), :scheme and :path, in Chromium’s order, and every name is lower case. HPACK packs the ${block.plainBytes} bytes these fields would take as HTTP/1.1 text into ${block.bytes}: :method GET and :scheme https are static-table entries (one byte each), most values are Huffman-coded, and every regular field is added to the connection’s dynamic table.`
            : `In the same flight, the page’s fetch() on stream ${r.stream}: its own stream on the same connection, no waiting for stream 1’s answer, no second connection. Its fields repeat what stream 1 sent, so HPACK sends most of them as one-byte references to the dynamic table: ${block.bytes} bytes for ${block.plainBytes} of text. Chromium ranks it below the stylesheet (weight 220, depending on stream 1).`,
        why:
          i === 0
            ? 'Performance: headers repeat on every request; HPACK sends them once per connection.'
            : 'Performance: many requests share one connection at once, so none waits in line behind another or for a new handshake.',
        message: http2Message(`HEADERS [${r.stream}] GET ${parseUrl(r.url).target}`, [
          headersFrame(r.stream, block, true, r.priority),
        ]),
      },
      { startMs: sent + (i + 1) * gap },
    );
  });

  const arrived = b.now();
  b.hop('proxy', 'browser', 'response', {
    id: 'h2-server-settings',
    phase: 'request',
    title: 'nginx’s SETTINGS',
    narration:
      'nginx sends its own SETTINGS (at most 128 streams at once, a 64 KiB window per stream, frames up to 16 MiB), opens the connection’s window to its maximum with a WINDOW_UPDATE, and acknowledges the browser’s SETTINGS with an empty SETTINGS ACK; the browser will acknowledge nginx’s the same way.',
    message: http2Message('SETTINGS, WINDOW_UPDATE, SETTINGS ACK', [
      settingsFrame(NGINX_SETTINGS),
      windowUpdate(0, NGINX_WINDOW_UPDATE),
      settingsAck,
    ]),
    changes: [
      { node: 'proxy', key: 'HTTP/2', value: `connection with ${url.host} client: streams 1, 3 open` },
    ],
  });
  b.rewind(arrived);

  let last: HttpResponse | null = null;
  for (const r of requests) {
    const target = parseUrl(r.url);
    const fields = chromeH2Headers(url.host, target.target, r.kind);
    // What nginx hands its HTTP/1.1 side: Host from :authority, then the fields as they arrived, lower case.
    const semantic = httpRequest('GET', target.target, [
      ['Host', url.host],
      ...fields.filter(([n]) => !n.startsWith(':')),
    ]);
    const response = serveRequest({ ...ctx, url: target }, semantic);
    const block = nginxHpack(response);
    const start = b.now();
    b.hop('proxy', 'browser', 'response', {
      id: `h2-response-${r.stream}`,
      phase: 'response',
      title: `HEADERS + DATA stream ${r.stream}: ${statusText(response)}`,
      narration: `nginx answers stream ${r.stream} as soon as it has the answer: a HEADERS frame (:status ${response.status}, lower-case names, no Connection: HTTP/2 has no hop-by-hop headers; HPACK: ${block.bytes} bytes for ${block.plainBytes}) and a DATA frame with the ${byteLength(response.body)}-byte body and END_STREAM, which closes the stream. ${r.stream === 1 ? 'It leaves while stream 3 is still at the app: answers need not come in the order asked.' : 'The connection stays open for the page’s next requests.'}`,
      message: http2Message(`HEADERS + DATA [${r.stream}] ${statusText(response)}`, [
        headersFrame(r.stream, block, false),
        dataFrame(r.stream, response.body),
      ]),
      changes: [
        {
          node: 'proxy',
          key: 'HTTP/2',
          value: `connection with ${url.host} client: ${r.stream === 1 ? 'stream 3 open' : 'idle, open'}`,
        },
      ],
    });
    b.rewind(start);
    last = response;
  }
  const final = last!;
  const ok = final.status < 400;
  b.rewind(Math.max(...b.build().map((s) => s.startMs + s.durationMs)));
  b.local('browser', COST_MS.render, {
    id: 'browser-render',
    phase: 'response',
    title: ok ? 'Render the result' : `Show the ${final.status} error`,
    narration: ok
      ? `The stylesheet applies and fetch() resolves with the ${byteLength(final.body)}-byte body, which the page renders. Two requests, one connection, one TLS handshake.`
      : `The page reads the ${final.status} status and shows the user what went wrong.`,
    message: internal(statusText(final), final.body || '(no body)'),
  });
  return { ok, status: final.status, summary: `${statusText(final)} in {total}` };
}
