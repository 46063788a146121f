import type { Header } from '../model/messages.ts';
import type { ParsedUrl } from '../journey/EngineContext.ts';

/** The URL's origin as the Origin header writes it: scheme, host, and the port when not the scheme's default. */
export const originOf = (url: ParsedUrl): string =>
  `${url.https ? 'https' : 'http'}://${url.port === (url.https ? 443 : 80) ? url.host : `${url.host}:${url.port}`}`;

/** The last two labels of a host: its site, as the Public Suffix List's default rule "*" makes `.example`. */
const site = (host: string): string => host.split('.').slice(-2).join('.');

/** Sec-Fetch-Site of a request from `pageOrigin` to `url` (Fetch Metadata; schemeful same-site). */
export function fetchSite(pageOrigin: string, url: ParsedUrl): 'same-origin' | 'same-site' | 'cross-site' {
  if (pageOrigin === originOf(url)) return 'same-origin';
  const page = new URL(pageOrigin);
  return page.protocol === (url.https ? 'https:' : 'http:') && site(page.hostname) === site(url.host)
    ? 'same-site'
    : 'cross-site';
}

/** Content-Type values a cross-origin request may send without a preflight (Fetch Standard). */
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * The names of the page's headers that are not CORS-safelisted (Fetch Standard, "CORS-unsafe request-header
 * names"): byte-lowercased and sorted, as Access-Control-Request-Headers lists them. Accept is safelisted;
 * Content-Type only with one of three types; Authorization never.
 */
export function unsafeHeaderNames(headers: readonly Header[]): string[] {
  const unsafe = headers.filter(([name, value]) => {
    switch (name.toLowerCase()) {
      case 'accept':
      case 'accept-language':
      case 'content-language':
        return false;
      case 'content-type':
        return !SIMPLE_TYPES.includes(value.split(';')[0]?.trim().toLowerCase() ?? '');
      default:
        return true;
    }
  });
  return unsafe.map(([name]) => name.toLowerCase()).sort();
}

/** Whether a cross-origin request needs a CORS preflight: a method other than GET, HEAD, POST, or an unsafe header. */
export const needsPreflight = (method: string, headers: readonly Header[]): boolean =>
  !['GET', 'HEAD', 'POST'].includes(method) || unsafeHeaderNames(headers).length > 0;
