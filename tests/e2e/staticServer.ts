import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Tiny loopback HTTP servers for the browser tests that need headers of their own (a
 * Content-Security-Policy on every response) or a page on another origin (a host page framing the
 * player: Chromium's local-network checks block a routed, address-less page from framing loopback).
 */

/** What the browser tests serve, by extension; anything else is application/octet-stream. */
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly origin: string;
  /** Every path asked of this server, in order. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => Promise<void> | void,
  requested: string[],
): Promise<LoopbackServer> {
  const server: Server = createServer((request, response) => {
    requested.push(request.url ?? '');
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requested,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * Serves the files of `root` (GET and HEAD; "/" is index.html) with the right Content-Type and
 * `headers` on every response, the 404s included.
 */
export function serveDirectory(root: string, headers: OutgoingHttpHeaders = {}): Promise<LoopbackServer> {
  const base = resolve(root);
  const requested: string[] = [];
  return listen(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    const inside = file === base || file.startsWith(base + sep);
    const found = inside && (await stat(file).catch(() => null))?.isFile();
    if (!found || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(found ? 405 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(found ? 'method not allowed' : 'not found');
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }, requested);
}

/** Serves one HTML page at every path (a host page on an origin of its own). */
export function serveHtml(html: string, headers: OutgoingHttpHeaders = {}): Promise<LoopbackServer> {
  const requested: string[] = [];
  return listen((_request, response) => {
    response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  }, requested);
}

/**
 * A host page that frames `src` as `#player` and keeps what the player posts in `window.received`;
 * `window.send(data)` posts to the player, `window.sendJson(text)` posts `JSON.parse(text)`.
 */
export function hostPageHtml(src: string, frameAttributes = 'allow="fullscreen"'): string {
  const attribute = src.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<!doctype html><html lang="en"><head><title>Host page</title></head><body>
    <iframe id="player" src="${attribute}" width="960" height="540" ${frameAttributes} title="Roundtrip"></iframe>
    <script>
      window.received = [];
      window.addEventListener('message', (e) => window.received.push(e.data));
      window.send = (data) => document.getElementById('player').contentWindow.postMessage(data, '*');
      window.sendJson = (text) => window.send(JSON.parse(text));
    </script>
  </body></html>`;
}
