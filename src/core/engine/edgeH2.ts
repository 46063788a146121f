import type { Header, HttpRequest, HttpResponse, Message } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { chromePolicy, hpackEncoder } from '../protocols/hpack.ts';
import type { HpackBlock } from '../protocols/hpack.ts';
import { statusText } from '../protocols/http.ts';
import {
  dataFrame,
  headersFrame,
  http2Message,
  settingsAck,
  settingsFrame,
  windowUpdate,
} from '../protocols/http2Frames.ts';
import { nginxHpack } from '../protocols/nginxHpack.ts';
import { isStylesheet } from './browserRequest.ts';
import {
  CHROME_SETTINGS,
  CHROME_WINDOW_UPDATE,
  NGINX_SETTINGS,
  NGINX_WINDOW_UPDATE,
} from './http2Exchange.ts';

/** What the page asks for, which sets Chromium's priority for the request. */
type RequestKind = 'document' | 'style' | 'fetch';

const kindOf = (ctx: EngineContext): RequestKind =>
  ctx.scenario.request.navigation ? 'document' : isStylesheet(ctx.url) ? 'style' : 'fetch';

/**
 * Chromium's priority per kind: the HEADERS frame's weight (net's HIGHEST 256 for a document or a stylesheet,
 * MEDIUM 220 for a fetch) and its RFC 9218 `priority` field (checked on a live Chromium in
 * tests/truth/http2.test.ts for the stylesheet and the fetch).
 */
const PRIORITY: Readonly<Record<RequestKind, { readonly weight: number; readonly field: string }>> = {
  document: { weight: 256, field: 'u=0, i' },
  style: { weight: 256, field: 'u=0' },
  fetch: { weight: 220, field: 'u=1, i' },
};

/** Fields HTTP/2 has no place for (RFC 9113 §8.2.2, §8.3.1): the host moves to :authority. */
const NOT_IN_H2 = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/**
 * The fields Chromium sends over HTTP/2 for what it would send over HTTP/1.1 as `request`: the request line
 * and Host become :method, :authority, :scheme, :path; then the same headers in the same order, names lower
 * case, without the connection's own; then `priority`. (Chromium builds one header list and writes it either
 * way; tests/truth/cdnHttp2.test.ts compares this with a live Chromium over h2.)
 */
export function chromeH2Fields(request: HttpRequest, host: string, kind: RequestKind): Header[] {
  return [
    [':method', request.method],
    [':authority', host],
    [':scheme', 'https'],
    [':path', request.target],
    ...request.headers.map(([n, v]): Header => [n.toLowerCase(), v]).filter(([n]) => !NOT_IN_H2.has(n)),
    ['priority', PRIORITY[kind].field],
  ];
}

/**
 * The request as the edge's nginx holds it after HTTP/2: Chromium's fields without the pseudo-headers, in
 * their order, names lower case as they arrived and `priority` among them, and the host from :authority.
 * nginx's proxy module passes the fields on to the origin over HTTP/1.1 as they are (nginx 1.22, checked in
 * tests/truth/cdnForward.test.ts).
 */
export function edgeReceived(ctx: EngineContext, request: HttpRequest): HttpRequest {
  const fields = chromeH2Fields(request, ctx.url.host, kindOf(ctx));
  return { ...request, headers: [['host', ctx.url.host], ...fields.filter(([n]) => !n.startsWith(':'))] };
}

/**
 * Chromium's HPACK encoder on this connection: its dynamic table holds what the earlier requests on it added,
 * so they are encoded again, in order, before `fields`.
 */
function encodeOnConnection(ctx: EngineContext, fields: readonly Header[]): HpackBlock {
  // bounded by the edge's table size: nginx sends no SETTINGS_HEADER_TABLE_SIZE, so the default 4,096 bytes
  const encode = hpackEncoder(chromePolicy);
  for (const earlier of ctx.edgeH2.sent) encode(earlier);
  return encode(fields);
}

/**
 * Opens the HTTP/2 connection on a new TLS connection to the edge: the browser's preface, SETTINGS and
 * WINDOW_UPDATE, sent together with the first request (Chromium does not wait for the server's SETTINGS).
 */
export function openEdgeH2(ctx: EngineContext): void {
  ctx.b.hop('browser', ctx.edge, 'request', {
    id: 'h2-preface',
    phase: 'request',
    title: 'HTTP/2 preface and SETTINGS',
    narration:
      'TLS picked h2, so the browser opens HTTP/2 right behind its Finished: the connection preface, its SETTINGS (a 64 KiB HPACK table, no server push, a 6 MiB window per stream) and a WINDOW_UPDATE for the whole connection. The request follows in the same flight: it does not wait for the edge’s SETTINGS.',
    message: http2Message(
      'preface, SETTINGS, WINDOW_UPDATE',
      [settingsFrame(CHROME_SETTINGS), windowUpdate(0, CHROME_WINDOW_UPDATE)],
      true,
    ),
  });
}

/** The edge's SETTINGS, WINDOW_UPDATE and ACK, sent as soon as the preface arrives. */
export function edgeSettings(ctx: EngineContext): void {
  ctx.b.hop(ctx.edge, 'browser', 'response', {
    id: 'h2-server-settings',
    phase: 'request',
    title: 'The edge’s SETTINGS',
    narration:
      'The edge answers the preface with its own SETTINGS (this edge runs nginx, as many CDNs’ edges do: at most 128 streams at once, a 64 KiB window per stream, frames up to 16 MiB), opens the connection’s window, and acknowledges the browser’s SETTINGS with an empty SETTINGS ACK.',
    message: http2Message('SETTINGS, WINDOW_UPDATE, SETTINGS ACK', [
      settingsFrame(NGINX_SETTINGS),
      windowUpdate(0, NGINX_WINDOW_UPDATE),
      settingsAck,
    ]),
  });
}

/** A request step's words and frames: HEADERS on the connection's next stream, and DATA with a body. */
export function edgeH2Request(
  ctx: EngineContext,
  request: HttpRequest,
  reused: boolean,
): { readonly title: string; readonly narration: string; readonly message: Message } {
  const kind = kindOf(ctx);
  const fields = chromeH2Fields(request, ctx.url.host, kind);
  // A connection open before the journey carried the page's same request once already (stream 1).
  if (reused && ctx.edgeH2.sent.length === 0) ctx.edgeH2.sent.push(fields);
  const stream = 2 * ctx.edgeH2.sent.length + 1;
  const block = encodeOnConnection(ctx, fields);
  ctx.edgeH2.sent.push(fields);
  const body = request.body !== '';
  const line = `${request.method} ${request.target}`;
  return {
    title: `HEADERS stream ${stream}: ${line}`,
    narration: `${reused ? `The browser reuses its open HTTP/2 connection to the edge: no handshake, and the request is stream ${stream}, the next odd number.` : 'The request is one HEADERS frame on stream 1, the connection’s first.'} The request line and Host became pseudo-headers (:method, :authority, :scheme, :path), every name is lower case, Connection is gone (HTTP/2 has no hop-by-hop headers), and Chromium adds its priority (weight ${PRIORITY[kind].weight}, priority: ${PRIORITY[kind].field}). HPACK packs the ${block.plainBytes} bytes these fields take as text into ${block.bytes}${reused ? ', most of them one-byte references to what the earlier request put in the table' : ''}.${body ? ' The JSON body follows in a DATA frame that ends the stream.' : ' END_STREAM: a GET has no body.'} TLS encrypts the frames into application-data records.`,
    message: http2Message(`HEADERS [${stream}] ${line}`, [
      headersFrame(stream, block, !body, { dependsOn: 0, weight: PRIORITY[kind].weight }),
      ...(body ? [dataFrame(stream, request.body)] : []),
    ]),
  };
}

/** The response step's frames: the edge's HEADERS (nginx's HPACK) and DATA on the request's stream. */
export function edgeH2Response(ctx: EngineContext, response: HttpResponse): Message {
  const stream = 2 * ctx.edgeH2.sent.length - 1;
  return http2Message(`HEADERS + DATA [${stream}] ${statusText(response)}`, [
    headersFrame(stream, nginxHpack(response), response.body === ''),
    ...(response.body === '' ? [] : [dataFrame(stream, response.body)]),
  ]);
}

/** How the response step says it travels over HTTP/2. */
export const edgeH2Narration = (ctx: EngineContext, response: HttpResponse): string =>
  `The CDN edge answers on stream ${2 * ctx.edgeH2.sent.length - 1}: a HEADERS frame (:status ${response.status}, lower-case names, no Connection; HPACK as nginx encodes it) ${response.body === '' ? 'that ends the stream' : `and a DATA frame with the ${byteLength(response.body)}-byte body and END_STREAM`}. The connection stays open for the page’s next requests. Behind the edge, its fetches from the origin stay HTTP/1.1, as most CDNs’ do.`;
