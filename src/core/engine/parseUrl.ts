import type { ParsedUrl } from './EngineContext.ts';

/** Splits an http(s) URL into what the engine needs; throws on anything else. */
export function parseUrl(url: string): ParsedUrl {
  const match = /^(https?):\/\/([a-z0-9.-]+)(?::(\d+))?(\/[^?#]*)?(?:\?([^#]*))?$/i.exec(url);
  if (!match) throw new Error(`Not an http(s) URL: ${url}`);
  const [, scheme = 'https', host = '', port, path = '/', search = ''] = match;
  const https = scheme.toLowerCase() === 'https';
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [k = '', v = ''] = pair.split('=');
    query[decodeURIComponent(k)] = decodeURIComponent(v);
  }
  return {
    https,
    host: host.toLowerCase(),
    port: port === undefined ? (https ? 443 : 80) : Number(port),
    target: path + (search ? `?${search}` : ''),
    path,
    query,
  };
}
