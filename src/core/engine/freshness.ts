import type { Header } from '../model/messages.ts';
import { headerValue } from '../protocols/http.ts';

/** Whether a stored response may be used without asking the server, and the arithmetic that says so. */
export interface Freshness {
  /** How long it stays fresh, in seconds: max-age, or 0 when nothing grants a lifetime. */
  readonly lifetimeS: number;
  /** How old it is now, in seconds: its Age when stored plus the time it has been in the cache. */
  readonly ageS: number;
  readonly fresh: boolean;
  /** Where the lifetime comes from, as a reader would check it. */
  readonly rule: string;
}

/**
 * RFC 9111 §4.2 for a private (browser) cache: a response is fresh while its current age is below its
 * freshness lifetime. The lifetime is `max-age` (s-maxage is for shared caches); `no-cache` and `no-store`
 * forbid using it unvalidated. Without either, the shop's responses carry no Expires, and a browser's
 * heuristic lifetime needs Last-Modified (Chromium: a tenth of Date − Last-Modified), which the API's
 * answers do not have: they are revalidated every time (repeat-visit), with or without no-cache.
 */
export function freshness(headers: readonly Header[], storedForS: number): Freshness {
  const directives = (headerValue(headers, 'Cache-Control') ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase());
  const age = Number(headerValue(headers, 'Age') ?? '0');
  const ageS = age + storedForS;
  if (directives.includes('no-cache') || directives.includes('no-store'))
    return { lifetimeS: 0, ageS, fresh: false, rule: 'Cache-Control: no-cache: revalidate every time' };
  const maxAge = directives.find((d) => d.startsWith('max-age='));
  if (maxAge === undefined)
    return { lifetimeS: 0, ageS, fresh: false, rule: 'no max-age or Expires: stale at once, revalidate' };
  const lifetimeS = Number(maxAge.slice('max-age='.length));
  return { lifetimeS, ageS, fresh: ageS < lifetimeS, rule: `Cache-Control: max-age=${lifetimeS}` };
}
