import type { Header, HttpRequest } from '../model/messages.ts';
import { productRow } from '../data/shopData.ts';
import { httpRequest } from '../protocols/http.ts';
import type { Scenario } from '../model/scenario.ts';
import type { LanguageProfile } from '../stacks/types.ts';
import { CLIENT_HINTS, USER_AGENT } from '../world/world.ts';
import type { ParsedUrl } from '../journey/EngineContext.ts';
import { navigationRequest } from './navigationRequest.ts';
import { fetchSite, originOf } from './cors.ts';

/**
 * The order Chromium writes an HTTP/1.1 request's headers in, for a `fetch()` that sets its own headers
 * (Authorization, Accept, Content-Type interleave with the browser's) and for a stylesheet a `<link>` loads.
 * Recorded from Chromium 156 (tests/truth/browser.test.ts compares with it live).
 */
const FETCH_ORDER = [
  'Host',
  'Connection',
  'Content-Length',
  'sec-ch-ua-platform',
  'Authorization',
  'User-Agent',
  'Accept',
  'sec-ch-ua',
  'Content-Type',
  'sec-ch-ua-mobile',
  'Origin',
  'Sec-Fetch-Site',
  'Sec-Fetch-Mode',
  'Sec-Fetch-Dest',
  'Referer',
  'Accept-Encoding',
  'Accept-Language',
  'If-None-Match',
];
const STYLESHEET_ORDER = [
  'Host',
  'Connection',
  'sec-ch-ua-platform',
  'User-Agent',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'Accept',
  'Sec-Fetch-Site',
  'Sec-Fetch-Mode',
  'Sec-Fetch-Dest',
  'Referer',
  'Accept-Encoding',
  'Accept-Language',
  'If-None-Match',
];

/** Whether the page loads `url` as a stylesheet (`<link rel="stylesheet">`) rather than with `fetch()`. */
export const isStylesheet = (url: ParsedUrl): boolean => url.path.endsWith('.css');

/** The headers the page's own code sets: the scenario's, and Accept: application/json on every API call. */
export const pageHeaders = (scenario: Scenario, url: ParsedUrl): readonly Header[] =>
  isStylesheet(url) ? [] : [...scenario.request.headers, ['Accept', 'application/json']];

const key = (name: string): string => (/^[A-Za-z]+$/.test(name) ? name : JSON.stringify(name));

/**
 * The page's code that makes the request, as shown: a stylesheet `<link>`, or the `fetch()` call with the
 * headers it sets (a bare `fetch(url)` would send `Accept: *\/*`, Fetch Standard).
 */
export function pageCall(scenario: Scenario, url: ParsedUrl): string {
  if (scenario.request.navigation) return `Address bar: ${scenario.request.url} ⏎`;
  if (isStylesheet(url)) return `<link rel="stylesheet" href="${url.target}">`;
  const { method, body } = scenario.request;
  const headers = pageHeaders(scenario, url)
    .map(([n, v]) => `${key(n)}: ${JSON.stringify(v)}`)
    .join(', ');
  const init = [
    ...(method === 'GET' ? [] : [`method: "${method}"`]),
    `headers: { ${headers} }`,
    ...(body === '' ? [] : [`body: ${JSON.stringify(body)}`]),
  ].join(', ');
  return `fetch("${scenario.request.url}", { ${init} })`;
}

/**
 * The request exactly as the browser (Chromium, USER_AGENT) puts it on the wire, from a page at the site's
 * root. To a secure origin it adds the client hints and the Fetch Metadata headers and offers br and zstd;
 * over plain HTTP it sends neither and offers only gzip and deflate. Referer is the page (same origin,
 * strict-origin-when-cross-origin); a POST carries Origin. A stale copy in the HTTP cache is revalidated with
 * the ETag this stack sent for it (`profile`'s response hook).
 */
export function browserRequest(scenario: Scenario, url: ParsedUrl, profile: LanguageProfile): HttpRequest {
  const { request, start } = scenario;
  if (request.navigation) return navigationRequest(url, false);
  const css = isStylesheet(url);
  const origin = originOf(url);
  // The page's own origin: the URL's, or another one's (a cross-origin fetch, which always carries Origin).
  const page = request.pageOrigin ?? origin;
  const secure: readonly Header[] = url.https
    ? [
        ['sec-ch-ua-platform', CLIENT_HINTS.platform],
        ['sec-ch-ua', CLIENT_HINTS.brands],
        ['sec-ch-ua-mobile', CLIENT_HINTS.mobile],
        ['Sec-Fetch-Site', fetchSite(page, url)],
        ['Sec-Fetch-Mode', css ? 'no-cors' : 'cors'],
        ['Sec-Fetch-Dest', css ? 'style' : 'empty'],
      ]
    : [];
  const headers: Header[] = [
    ['Host', origin.replace(/^https?:\/\//, '')],
    ['Connection', 'keep-alive'],
    ...(request.body === '' ? [] : [['Content-Length', ''] as const]),
    ['User-Agent', USER_AGENT],
    ...(css ? [['Accept', 'text/css,*/*;q=0.1'] as const] : pageHeaders(scenario, url)),
    ...secure,
    // a no-cors GET (a cross-origin stylesheet without crossorigin) sends no Origin (Fetch Standard)
    ...(request.method === 'POST' || (page !== origin && !css) ? [['Origin', page] as const] : []),
    ['Referer', `${page}/`],
    ['Accept-Encoding', url.https ? 'gzip, deflate, br, zstd' : 'gzip, deflate'],
    ['Accept-Language', 'en-US,en;q=0.9'],
    ...(start.browserHttpCache === 'stale'
      ? [['If-None-Match', profile.response.productTag({ ...productRow(42) })] as const]
      : []),
  ];
  const order = css ? STYLESHEET_ORDER : FETCH_ORDER;
  const rank = (name: string): number => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  const sorted = headers
    .map((h, i) => [h, i] as const)
    .sort((a, b) => rank(a[0][0]) - rank(b[0][0]) || a[1] - b[1]);
  return httpRequest(
    request.method,
    url.target,
    sorted.map(([h]) => h),
    request.body,
  );
}
