import { browserCacheHit } from '../engine/browserCacheHit.ts';

/** A copy still fresh in the browser's HTTP cache (`start.browserHttpCache: 'fresh'`): no request at all. */
export const browserCache = { browserCacheHit };
