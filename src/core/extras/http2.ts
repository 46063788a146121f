import { http2Exchange } from '../engine/http2Exchange.ts';
import {
  edgeH2Narration,
  edgeH2Request,
  edgeReceived,
  edgeH2Response,
  edgeSettings,
  openEdgeH2,
} from '../engine/edgeH2.ts';

/**
 * A scenario with `h2`: nginx's `listen … ssl http2`, ALPN picks h2 and the requests travel as frames; and one
 * with a CDN edge, which speaks HTTP/2 with the browser over TLS (`engine/edgeH2.ts`).
 */
export const http2 = {
  http2Exchange,
  openEdgeH2,
  edgeH2Request,
  edgeSettings,
  edgeH2Response,
  edgeH2Narration,
  edgeReceived,
};
