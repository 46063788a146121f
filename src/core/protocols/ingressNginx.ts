import type { Header, HttpRequest, HttpResponse } from '../model/messages.ts';
import { byteLength } from './byteLength.ts';
import { headerValue } from './http.ts';
import { nginxUpstreamHeaders } from './nginxUpstreamHeaders.ts';
import { serializeHttp } from './serializeHttp.ts';
import { worldTime } from './worldTime.ts';

/**
 * ingress-nginx (the controller's nginx.tmpl at kubernetes/ingress-nginx dbb11b9, with its ConfigMap defaults):
 * the headers every location sets on the proxied request, in the template's order, and what it does to the
 * answer. Checked against a real nginx given the same directives in tests/truth/ingressNginx.test.ts.
 */
export const INGRESS_NGINX = {
  version: '1.12',
  /** hsts, hsts-max-age 31536000, hsts-include-subdomains: the Lua header filter's value on HTTPS. */
  hsts: 'max-age=31536000; includeSubDomains',
} as const;

/**
 * The client's headers nginx does not pass on: those a `proxy_set_header` replaces, and the hop-by-hop ones its
 * proxy module clears (Connection, Keep-Alive, TE, Expect, Upgrade; Content-Length it writes itself).
 */
const REPLACED = new Set([
  'host',
  'connection',
  'upgrade',
  'x-request-id',
  'x-real-ip',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-proto',
  'x-forwarded-scheme',
  'x-scheme',
  'x-original-forwarded-for',
  'x-original-forwarded-host',
  'proxy',
  'content-length',
  'keep-alive',
  'te',
  'expect',
  'transfer-encoding',
]);

/** What the client itself sent in `name`, passed on as `as` (empty when it sent none: nginx drops it). */
const original = (request: HttpRequest, name: string, as: string): Header[] => {
  const value = headerValue(request.headers, name);
  return value ? [[as, value]] : [];
};

/**
 * The browser's request as ingress-nginx proxies it to a pod: `proxy_http_version 1.1`; Host $best_http_host;
 * Upgrade and Connection empty without an Upgrade (upstream keep-alive 320), so neither is sent; X-Request-ID
 * $req_id (the client's, else nginx's $request_id, 32 hex digits); X-Real-IP and X-Forwarded-For $remote_addr
 * (use-forwarded-headers false); X-Forwarded-Host, -Port, -Proto, -Scheme and X-Scheme; the original
 * X-Forwarded-For/-Host only when the client sent them; Proxy "" (httpoxy). Then Content-Length for a body, then
 * the client's other headers in its order and case.
 */
export function ingressForward(
  request: HttpRequest,
  clientAddress: string,
  https: boolean,
  requestId: string,
): HttpRequest {
  const host = headerValue(request.headers, 'Host') ?? '';
  const scheme = https ? 'https' : 'http';
  const headers: Header[] = [
    ['Host', host],
    ['X-Request-ID', headerValue(request.headers, 'X-Request-ID') ?? requestId],
    ['X-Real-IP', clientAddress],
    ['X-Forwarded-For', clientAddress],
    ['X-Forwarded-Host', host],
    ['X-Forwarded-Port', https ? '443' : '80'],
    ['X-Forwarded-Proto', scheme],
    ['X-Forwarded-Scheme', scheme],
    ['X-Scheme', scheme],
    // $http_x_forwarded_for and $http_x_forwarded_host: an empty value is not sent (a CDN in front sends both).
    ...original(request, 'X-Forwarded-For', 'X-Original-Forwarded-For'),
    ...original(request, 'X-Forwarded-Host', 'X-Original-Forwarded-Host'),
    ...(request.body === '' ? [] : [['Content-Length', String(byteLength(request.body))] as const]),
    ...request.headers.filter(([name]) => !REPLACED.has(name.toLowerCase())),
  ];
  return { ...request, headers };
}

/**
 * The pod's answer as ingress-nginx sends it on: nginx's Date, Content-Type, Content-Length and Connection
 * first, then the pod's other headers, then Strict-Transport-Security on HTTPS (the Lua header filter). No
 * Server header at all: show-server-tokens false makes the template `more_clear_headers Server`.
 */
export function ingressRelay(upstream: HttpResponse, date: string, https: boolean): HttpResponse {
  const { own, passed } = nginxUpstreamHeaders(upstream, date);
  return {
    ...upstream,
    headers: [
      ...own,
      ...passed,
      ...(https ? [['Strict-Transport-Security', INGRESS_NGINX.hsts] as const] : []),
    ],
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** nginx's $time_local in UTC: "24/Nov/2026:09:00:00 +0000". */
export function timeLocal(elapsedMs: number): string {
  const t = worldTime(elapsedMs);
  return `${two(t.day)}/${MONTHS[t.month - 1] ?? ''}/${t.year}:${two(t.hour)}:${two(t.minute)}:${two(t.second)} +0000`;
}

/** What one proxied request leaves in ingress-nginx's access log. */
export interface AccessLogEntry {
  readonly client: string;
  /** The request as the browser sent it (its request line, Referer, User-Agent and length). */
  readonly request: HttpRequest;
  /** The response as sent to the browser. */
  readonly response: HttpResponse;
  readonly atMs: number;
  /** Seconds from the request's first byte to the log line ($request_time). */
  readonly requestSeconds: number;
  /** "default-shop-api-80": namespace-service-port. */
  readonly upstreamName: string;
  /** The pod's "ip:port". */
  readonly upstreamAddr: string;
  readonly upstreamSeconds: number;
  /** The pod's answer: its status and body length. */
  readonly upstream: HttpResponse;
  readonly requestId: string;
}

const dash = (value: string | undefined): string => (value === undefined || value === '' ? '-' : value);

/**
 * The line in the controller's `upstreaminfo` log format (internal/ingress/controller/config/config.go):
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
 * "$http_user_agent" $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name]
 * $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id`.
 */
export function accessLogLine(e: AccessLogEntry): string {
  const { request, response, upstream } = e;
  return [
    `${e.client} - - [${timeLocal(e.atMs)}]`,
    `"${request.method} ${request.target} ${request.version}"`,
    `${response.status} ${byteLength(response.body)}`,
    `"${dash(headerValue(request.headers, 'Referer'))}" "${dash(headerValue(request.headers, 'User-Agent'))}"`,
    `${byteLength(serializeHttp(request))} ${e.requestSeconds.toFixed(3)}`,
    `[${e.upstreamName}] []`,
    `${e.upstreamAddr} ${byteLength(upstream.body)} ${e.upstreamSeconds.toFixed(3)} ${upstream.status}`,
    e.requestId,
  ].join(' ');
}

/**
 * A response ingress-nginx writes itself (503 when the Service has no ready endpoint: balancer.lua's rewrite
 * phase finds no balancer for the upstream and exits with HTTP_SERVICE_UNAVAILABLE; 504 after
 * proxy-read-timeout; 502 when the pod closes): nginx's own error page with server_tokens off, without the
 * Server header (`more_clear_headers Server`), and with the Lua header filter's HSTS on HTTPS, which runs for
 * error pages too (rootfs/etc/nginx/lua/lua_ingress.lua `header()`, at dbb11b9).
 */
export function ingressError(error: HttpResponse, https: boolean): HttpResponse {
  return {
    ...error,
    headers: [
      ...error.headers.filter(([name]) => name !== 'Server'),
      ...(https ? [['Strict-Transport-Security', INGRESS_NGINX.hsts] as const] : []),
    ],
  };
}
