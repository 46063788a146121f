import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { Outcome } from '../model/timeline.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { headerValue, statusText } from '../protocols/http.ts';
import { httpMessage } from '../protocols/httpMessage.ts';
import { COST_MS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { serveRequest } from './serveRequest.ts';
import { extra } from '../extras/ExtraStages.ts';
import { FLIGHT_GAP_MS } from './resolverWalk.ts';
import { edgeSpeaksH2 } from './edgeSpeaksH2.ts';
import { groupDigits } from '../format/groupDigits.ts';
import { INITIAL_CWND, tcpFlights } from '../protocols/tcpFlights.ts';
import type { Flights } from '../protocols/tcpFlights.ts';
import { wireBytes } from '../protocols/wireBytes.ts';
import { formatDuration } from '../format/formatDuration.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What TCP's slow start makes of a response, in words: nothing for one that fits the first window, unless it was
 * compressed into it; the extra round trips of one that does not.
 */
function slowStartWords(
  response: HttpResponse,
  sent: Flights,
  rtt: number,
  tls: boolean,
  reused: boolean,
): string {
  const window = `the ${INITIAL_CWND}-segment first window of slow start${reused ? ' (the connection has been idle, so Linux starts it over)' : ''}`;
  if (response.coding) {
    const plain = tcpFlights(response.coding.identityBytes, tls);
    return ` Its ${groupDigits(sent.wire)} bytes${tls ? ' with TLS' : ''} are ${plural(sent.segments, 'TCP segment')}, inside ${window}: one flight. Uncompressed, ${groupDigits(plain.wire)} bytes would be ${plain.segments} segments in ${plural(plain.flights, 'flight')}, each after the first waiting a round trip for ACKs: ${formatDuration((plain.flights - sent.flights) * rtt)} later.`;
  }
  return sent.flights > 1
    ? ` Its ${groupDigits(sent.wire)} bytes are ${sent.segments} TCP segments: slow start sends the first ${INITIAL_CWND}, then waits a round trip for ACKs before each larger flight (${plural(sent.flights, 'flight')}).`
    : '';
}

/** What an error response carries, in words: "its JSON body", "its HTML page". */
function bodyKind(response: HttpResponse): string {
  const type = headerValue(response.headers, 'Content-Type') ?? '';
  if (response.body === '') return 'its headers (there is no body)';
  return /json/.test(type) ? 'its JSON body' : /html/.test(type) ? 'its HTML page' : 'its plain-text body';
}

/**
 * One request and its response over an open connection, ending with the browser using the result; also
 * says whether the server closed the connection with it.
 */
export function exchange(
  ctx: EngineContext,
  request: HttpRequest,
  reused: boolean,
  resumed = false,
): [Outcome, boolean] {
  const { b, url } = ctx;
  // To a CDN edge over TLS the request travels as HTTP/2 frames (edgeH2.ts); the edge's own fetch from the
  // origin stays HTTP/1.1.
  const h2 = edgeSpeaksH2(ctx) ? extra(ctx.extras, 'http2') : null;
  const sent = b.now();
  if (h2 && !reused) h2.openEdgeH2(ctx);
  b.hop(
    'browser',
    ctx.edge,
    'request',
    {
      id: 'http-request',
      phase: 'request',
      ...(h2
        ? h2.edgeH2Request(ctx, request, reused)
        : {
            title: `${request.method} ${request.target}`,
            narration: `${reused ? 'The browser reuses its open connection, so there is no handshake at all, and' : 'The browser'} sends the HTTP request: the method and path, then headers (Host says which site, Accept says ${ctx.scenario.request.navigation ? 'a page, HTML first,' : url.path.endsWith('.css') ? 'a stylesheet' : 'JSON'} is wanted)${request.body ? ', then the JSON body, whose size Content-Length gives' : ''}.${url.https ? ' TLS encrypts it into application-data records on the way.' : ' Without TLS it travels in clear text.'}`,
            message: httpMessage(request),
          }),
    },
    h2 && !reused ? { startMs: sent + FLIGHT_GAP_MS } : {},
  );
  if (h2 && !reused) {
    // the edge's SETTINGS leave as the preface arrives, while the request is being served
    const arrived = b.now();
    b.rewind(arrived - FLIGHT_GAP_MS);
    h2.edgeSettings(ctx);
    b.rewind(arrived);
  }
  if (resumed) extra(ctx.extras, 'tlsResumption').resumedTicket(ctx);

  const toBrowser = serveRequest(ctx, request);
  const flights = tcpFlights(wireBytes(toBrowser), url.https);
  const rtt = 2 * b.latency(ctx.edge, 'browser');
  b.hop(
    ctx.edge,
    'browser',
    'response',
    {
      id: `http-response-${toBrowser.status}`,
      phase: 'response',
      title: statusText(toBrowser),
      narration: h2
        ? h2.edgeH2Narration(ctx, toBrowser)
        : `The ${ctx.edge === 'cdn' ? 'CDN edge' : ctx.scenario.topology.balancer ? 'load balancer' : ctx.scenario.topology.kubernetes ? 'ingress controller' : 'proxy'} sends the response back over the browser's connection${url.https ? ', encrypted by TLS' : ''}${ctx.edge === 'proxy' && headerValue(toBrowser.headers, 'Strict-Transport-Security') ? ', adding Strict-Transport-Security so this browser will only ever use HTTPS here' : ''}.${slowStartWords(toBrowser, flights, rtt, url.https, reused)}`,
      message: h2 ? h2.edgeH2Response(ctx, toBrowser) : httpMessage(toBrowser),
    },
    { extraMs: (flights.flights - 1) * rtt },
  );

  const location = headerValue(toBrowser.headers, 'Location');
  if (toBrowser.status >= 300 && toBrowser.status < 400 && toBrowser.status !== 304 && location) {
    b.local('browser', COST_MS.cacheLookup, {
      id: 'browser-follow-redirect',
      phase: 'response',
      title: `Follow the ${toBrowser.status} to ${new URL(location).protocol.replace(':', '')}`,
      narration: `The browser does not show the ${toBrowser.status}'s little HTML page: it reads Location and goes to ${location} at once${toBrowser.status === 301 ? ', and may remember the 301 as permanent (it is cacheable by default)' : ''}. The typed address stays http:// until then.`,
      message: internal(`Location: ${location}`, `${statusText(toBrowser)}\nLocation: ${location}`),
    });
    return [{ ok: true, status: toBrowser.status, summary: `${statusText(toBrowser)} in {total}` }, false];
  }

  const ok = toBrowser.status < 400;
  const retryAfter = headerValue(toBrowser.headers, 'Retry-After');
  b.local('browser', COST_MS.render, {
    id: 'browser-render',
    phase: 'response',
    title:
      toBrowser.status === 304
        ? 'Reuse the cached copy'
        : ok
          ? 'Render the result'
          : `Show the ${toBrowser.status} error`,
    narration:
      toBrowser.status === 304
        ? 'The browser takes the body from its own cache and marks it fresh again. The page shows the product.'
        : ok && toBrowser.coding
          ? `The browser's network stack inflates the ${groupDigits(toBrowser.coding.chunks.reduce((n, c) => n + c, 0))} bytes of gzip back into the ${groupDigits(byteLength(toBrowser.body))}-byte JSON; fetch() never sees the encoding (response.json() reads the inflated text). The page renders the ${ctx.scenario.request.url.includes('catalog') ? 'catalogue' : 'result'}.`
          : ok
            ? ctx.scenario.request.navigation
              ? `The browser shows the ${byteLength(toBrowser.body)}-byte JSON as the page itself (Chrome's viewer, with its "Pretty-print" box).`
              : `The browser hands the ${byteLength(toBrowser.body)}-byte body to the page, which renders it.`
            : retryAfter !== undefined
              ? `fetch() resolves (an HTTP error is still a response) with the ${toBrowser.status} status and ${bodyKind(toBrowser)}. Retry-After says ${retryAfter} s: a well-behaved page waits at least that long before it asks again, and sends fewer requests.`
              : `The page reads the ${toBrowser.status} status and ${bodyKind(toBrowser)} and shows the user what went wrong.`,
    message: internal(statusText(toBrowser), toBrowser.body || '(no body)'),
    ...(toBrowser.status === 304
      ? { changes: [{ node: 'browser', key: 'HTTP cache', value: `${url.host}${url.path} (fresh again)` }] }
      : {}),
  });
  return [
    { ok, status: toBrowser.status, summary: `${statusText(toBrowser)} in {total}` },
    headerValue(toBrowser.headers, 'Connection') === 'close',
  ];
}
