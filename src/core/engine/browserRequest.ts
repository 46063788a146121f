import type { Header, HttpRequest } from '../model/messages.ts';
import { productRow } from '../data/shopData.ts';
import { httpRequest } from '../protocols/http.ts';
import type { Scenario } from '../model/scenario.ts';
import type { LanguageProfile } from '../stacks/types.ts';
import { USER_AGENT } from '../world/world.ts';
import type { ParsedUrl } from '../journey/EngineContext.ts';

/**
 * The request exactly as the browser puts it on the wire, in the order Chrome sends HTTP/1.1 headers. A stale
 * copy in the HTTP cache is revalidated with the ETag this stack sent for it (`profile`'s response hook).
 */
export function browserRequest(scenario: Scenario, url: ParsedUrl, profile: LanguageProfile): HttpRequest {
  const { request, start } = scenario;
  const css = url.path.endsWith('.css');
  const headers: Header[] = [
    ['Host', url.port === (url.https ? 443 : 80) ? url.host : `${url.host}:${url.port}`],
    ['Connection', 'keep-alive'],
    ['User-Agent', USER_AGENT],
    ['Accept', css ? 'text/css,*/*;q=0.1' : 'application/json'],
    ...request.headers,
    ['Accept-Encoding', 'gzip, deflate, br, zstd'],
    ['Accept-Language', 'en-US,en;q=0.9'],
    ...(start.browserHttpCache === 'stale'
      ? [['If-None-Match', profile.response.productTag({ ...productRow(42) })] as const]
      : []),
  ];
  return httpRequest(request.method, url.target, headers, request.body);
}

/** The request as the proxy forwards it: hop-by-hop headers dropped, the client's address and scheme added. */
export function forwardedRequest(
  request: HttpRequest,
  clientAddress: string,
  https: boolean,
  requestId: string,
): HttpRequest {
  const headers: Header[] = [
    ...request.headers.filter(([name]) => name !== 'Connection' && name !== 'Content-Length'),
    ['X-Forwarded-For', clientAddress],
    ['X-Forwarded-Proto', https ? 'https' : 'http'],
    ['X-Request-ID', requestId],
  ];
  return httpRequest(request.method, request.target, headers, request.body);
}
