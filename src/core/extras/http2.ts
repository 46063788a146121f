import { http2Exchange } from '../engine/http2Exchange.ts';

/** A scenario with `h2`: nginx's `listen … ssl http2`, ALPN picks h2 and the requests travel as frames. */
export const http2 = { http2Exchange };
