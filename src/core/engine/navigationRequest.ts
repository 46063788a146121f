import type { Header, HttpRequest } from '../model/messages.ts';
import { httpRequest } from '../protocols/http.ts';
import { CLIENT_HINTS, USER_AGENT } from '../world/world.ts';
import type { ParsedUrl } from '../journey/EngineContext.ts';

/** What Chromium accepts for a document it navigates to. */
export const NAVIGATION_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/jxl,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';

/**
 * The request Chromium sends for an address typed into its address bar, as recorded from Chromium 156
 * (tests/truth/navigation.test.ts compares live): no Referer, no Origin, Upgrade-Insecure-Requests. To an
 * insecure origin it sends neither client hints nor Fetch Metadata and offers gzip and deflate only. To a
 * secure one it sends Sec-Fetch-Site: none (the user, not a page, asked), Sec-Fetch-Mode: navigate,
 * Sec-Fetch-User and Sec-Fetch-Dest: document; the client hints come first, except after a redirect from an
 * insecure origin (nginx's 301, or the browser's own HSTS upgrade), when the browser adds them to the
 * redirected request behind the Fetch Metadata.
 */
export function navigationRequest(url: ParsedUrl, redirectedFromInsecure: boolean): HttpRequest {
  const host = url.port === (url.https ? 443 : 80) ? url.host : `${url.host}:${url.port}`;
  const hints: readonly Header[] = [
    ['sec-ch-ua', CLIENT_HINTS.brands],
    ['sec-ch-ua-mobile', CLIENT_HINTS.mobile],
    ['sec-ch-ua-platform', CLIENT_HINTS.platform],
  ];
  const fetchMetadata: readonly Header[] = [
    ['Sec-Fetch-Site', 'none'],
    ['Sec-Fetch-Mode', 'navigate'],
    ['Sec-Fetch-User', '?1'],
    ['Sec-Fetch-Dest', 'document'],
  ];
  const headers: Header[] = [
    ['Host', host],
    ['Connection', 'keep-alive'],
    ...(url.https && !redirectedFromInsecure ? hints : []),
    ['Upgrade-Insecure-Requests', '1'],
    ['User-Agent', USER_AGENT],
    ['Accept', NAVIGATION_ACCEPT],
    ...(url.https ? fetchMetadata : []),
    ...(url.https && redirectedFromInsecure ? hints : []),
    ['Accept-Encoding', url.https ? 'gzip, deflate, br, zstd' : 'gzip, deflate'],
    ['Accept-Language', 'en-US,en;q=0.9'],
  ];
  return httpRequest('GET', url.target, headers);
}
