import type { Outcome } from '../model/timeline.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { groupDigits } from '../format/groupDigits.ts';
import { serializeHttp } from '../protocols/serializeHttp.ts';
import { COST_MS } from '../world/world.ts';
import { freshness } from './freshness.ts';
import { STYLESHEET, nginxStaticFile } from './nginxStaticFile.ts';

/** When the browser stored the stylesheet: on the previous visit, two days before step 1 (world clock). */
export const STORED_AT_MS = -48 * 3_600_000;

/** Reading an entry from Chromium's disk cache (its index, then the entry's file). */
const DISK_CACHE_READ_MS = 1.5;

/**
 * A fresh copy in the browser's HTTP cache: the stylesheet nginx sent on the last visit, stored with
 * `Cache-Control: public, max-age=31536000, immutable`, is used as it is. No DNS, no connection, no request:
 * no machine but the browser does anything. Chrome's DevTools lists it as 200 with "(disk cache)" for its size
 * (a page just loaded in the same tab would show "(memory cache)"). repeat-visit is the other case: the API's
 * answer has no max-age, so the browser must ask (If-None-Match) and gets 304.
 */
export function browserCacheHit(ctx: EngineContext): Outcome {
  const { b, url } = ctx;
  const stored = nginxStaticFile(STORED_AT_MS, url.https);
  const f = freshness(stored.headers, Math.round(-STORED_AT_MS / 1000));
  const bytes = byteLength(STYLESHEET.body);
  b.local('browser', COST_MS.cacheLookup, {
    id: 'http-cache-lookup',
    phase: 'request',
    title: 'Fresh in the HTTP cache',
    narration: `The browser's HTTP cache holds ${url.host}${url.path}, stored on the last visit with ${f.rule}. Its age is ${groupDigits(f.ageS)} s (two days), below its lifetime of ${groupDigits(f.lifetimeS)} s (a year): it is fresh, so the browser may use it without asking anyone.`,
    why: 'Performance: the fastest request is the one never sent. Fingerprinted files (a new name for every new version) can be cached for a year, and immutable says not even a reload should ask again.',
    message: internal(
      `fresh: age ${f.ageS} s < max-age ${f.lifetimeS} s`,
      `${serializeHttp(stored).split('\r\n\r\n')[0] ?? ''}\n\nage ${f.ageS} s (stored ${groupDigits(f.ageS)} s ago, Age 0) < freshness lifetime ${f.lifetimeS} s (${f.rule}) → fresh`,
    ),
  });
  b.local('browser', DISK_CACHE_READ_MS, {
    id: 'http-cache-read',
    phase: 'response',
    title: '200 OK (disk cache)',
    narration: `The browser reads the ${bytes}-byte body from its disk cache. DevTools' Network panel lists the request as 200 with "(disk cache)" in the Size column (or "(memory cache)" if this tab had it in memory) and no Timing on the network: DNS, TCP, TLS, the proxy, the app and the database are never touched.`,
    message: internal(
      '200 OK (disk cache)',
      `Name     Status  Type        Size          Time\napp.css  200     stylesheet  (disk cache)  ${DISK_CACHE_READ_MS} ms`,
    ),
    changes: [{ node: 'browser', key: 'HTTP cache', value: `${url.host}${url.path} (fresh, used)` }],
  });
  b.local('browser', COST_MS.render, {
    id: 'browser-render',
    phase: 'response',
    title: 'Apply the stylesheet',
    narration: `The browser parses the ${bytes}-byte stylesheet and styles the page. The whole load took ${DISK_CACHE_READ_MS + COST_MS.render} ms, against a round trip for the 304 of repeat-visit.`,
    message: internal('200 OK (from cache)', STYLESHEET.body),
  });
  return { ok: true, status: 200, summary: '200 OK from the disk cache, no network, in {total}' };
}
