import { followToHttps, proxyRedirects } from '../engine/httpsRedirect.ts';

/** A site that is HTTPS only (`topology.httpsOnly`): nginx's 301 on port 80, the browser following it, HSTS. */
export const httpsRedirect = { proxyRedirects, followToHttps };
