import type { EngineContext } from '../journey/EngineContext.ts';

/**
 * Whether the browser speaks HTTP/2 with the machine it connects to: a CDN edge offers h2 in ALPN to every
 * browser over TLS (browsers speak HTTP/2 only over TLS), so Chrome, which lists h2 first, always gets it.
 * What it sends then is the http2 extra's (`engine/edgeH2.ts`).
 */
export const edgeSpeaksH2 = (ctx: EngineContext): boolean => ctx.edge === 'cdn' && ctx.url.https;
