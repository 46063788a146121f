// What Node's own http server adds to an Express handler's response, checked on a real one: every
// response the Express app sends the proxy is set header by header on a real http.Server (all but the
// ones Node writes itself), the proxy's forwarded request is sent to it byte for byte, and the head it
// answers with must be the step's, in order and case; only Date's value, the clock's, differs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { appExchanges, responseHead } from './loopback.ts';

const NODE_WRITES = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const exchanges = appExchanges('node');

let current: HttpResponse | null = null;
const server = http.createServer((_req, res) => {
  const response = current;
  if (!response) throw new Error('no response to replay');
  for (const [name, value] of response.headers)
    if (!NODE_WRITES.has(name.toLowerCase())) res.setHeader(name, value);
  res.writeHead(response.status, response.reason);
  res.end(response.body);
});

const head = (m: HttpResponse) => serializeHttp(m).split('\r\n\r\n')[0]?.split('\r\n') ?? [];
const withoutDate = (lines: readonly string[]) => lines.map((l) => (/^date: /i.test(l) ? 'Date: (now)' : l));

describe('the Express app’s responses on a real Node http server', () => {
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('covers every journey that reaches the app', () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(11 * 3);
  });

  it('Node adds Date, Connection and Keep-Alive to the forwarded request’s answer, as each step shows', async () => {
    for (const { where, request, response } of exchanges) {
      current = response;
      const got = await responseHead(port, serializeHttp(request));
      expect(withoutDate(head(response)), where).toEqual(withoutDate(got));
    }
  });
});
