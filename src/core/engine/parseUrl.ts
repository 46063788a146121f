import type { ParsedUrl } from '../journey/EngineContext.ts';

/**
 * Parses an http(s) URL as a browser does (WHATWG URL): host lower-cased, dot segments resolved, the path
 * and query percent-encoded where the URL Standard says so (a "%" is left as it is, even a malformed
 * one), the query read by URLSearchParams ("+" is a space, "a=b=c" is a = "b=c", the first of repeated
 * keys wins). Throws only for a string that is not an http or https URL at all.
 */
export function parseUrl(url: string): ParsedUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`Not an http(s) URL: ${url}`);
  const https = u.protocol === 'https:';
  const first = new Map<string, string>();
  for (const [key, value] of u.searchParams) if (!first.has(key)) first.set(key, value);
  // The request target is the path and, when the URL has one (even empty), "?" and the query.
  const beforeFragment = u.href.split('#')[0] ?? '';
  const question = beforeFragment.indexOf('?');
  return {
    https,
    host: u.hostname,
    port: u.port === '' ? (https ? 443 : 80) : Number(u.port),
    target: u.pathname + (question >= 0 ? beforeFragment.slice(question) : ''),
    path: u.pathname,
    query: Object.fromEntries(first),
  };
}
