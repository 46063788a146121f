// What uvicorn adds to a FastAPI response, checked on a real one (when a Python on this machine has
// uvicorn; CI may not): every response the FastAPI app sends the proxy is replayed as a raw ASGI
// response (all headers but the ones uvicorn writes itself) behind a real uvicorn, the proxy's
// forwarded request is sent to it byte for byte, and the headers it answers with must be the step's,
// in order and case; only date's value, the clock's, differs. The status code must match; its reason
// phrase is the Python version's (3.13 renamed 422's).
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { appExchanges, freePort, responseHead } from './loopback.ts';

/** The first Python with uvicorn and Starlette (Debian's python3-uvicorn lives in /usr/bin/python3), or null. */
const PYTHON =
  ['python3', '/usr/bin/python3'].find(
    (python) => spawnSync(python, ['-c', 'import uvicorn, starlette'], { input: '' }).status === 0,
  ) ?? null;

const UVICORN_WRITES = new Set(['date', 'server']);

const exchanges = appExchanges('python');

/** An ASGI app that answers with the replay its X-Replay header names, under uvicorn with h11. */
const SERVER = `
import json, sys, uvicorn
replays = json.load(open(sys.argv[1]))
async def app(scope, receive, send):
    if scope['type'] != 'http':
        return
    more = True
    while more:
        more = (await receive()).get('more_body', False)
    replay = replays[int(dict(scope['headers'])[b'x-replay'])]
    await send({'type': 'http.response.start', 'status': replay['status'],
                'headers': [(n.encode('latin-1'), v.encode('latin-1')) for n, v in replay['headers']]})
    await send({'type': 'http.response.body', 'body': replay['body'].encode('utf-8')})
uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[2]), http='h11', lifespan='off', log_level='warning')
`;

/** Sends a request with an X-Replay header added after its request line; resolves with the response head. */
const send = (port: number, request: HttpRequest, id: number): Promise<string[]> =>
  responseHead(port, serializeHttp(request).replace('\r\n', `\r\nX-Replay: ${id}\r\n`));

const headersOf = (lines: readonly string[]) =>
  lines.slice(1).map((l) => (/^date: /i.test(l) ? 'date: (now)' : l));
const statusOf = (lines: readonly string[]) => lines[0]?.split(' ')[1];

describe.runIf(PYTHON)('the FastAPI app’s responses on a real uvicorn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-uvicorn-'));
  let uvicorn: ChildProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    const replays = exchanges.map(({ response }) => ({
      status: response.status,
      headers: response.headers.filter(([n]) => !UVICORN_WRITES.has(n.toLowerCase())),
      body: response.body,
    }));
    writeFileSync(join(dir, 'replays.json'), JSON.stringify(replays));
    writeFileSync(join(dir, 'server.py'), SERVER);
    port = await freePort();
    uvicorn = spawn(PYTHON ?? 'python3', [join(dir, 'server.py'), join(dir, 'replays.json'), String(port)], {
      stdio: 'ignore',
    });
    const first = exchanges[0];
    if (!first) throw new Error('no FastAPI journey reaches the app');
    for (let i = 0; ; i++) {
      try {
        await send(port, first.request, 0);
        break;
      } catch (error) {
        if (i > 100) throw new Error(`uvicorn did not start: ${String(error)}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }, 30_000);

  afterAll(() => {
    uvicorn?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uvicorn writes date and server before the app’s headers, all in lower case, and nothing else', async () => {
    expect(exchanges.length).toBeGreaterThanOrEqual(11 * 3);
    for (const [id, { where, request, response }] of exchanges.entries()) {
      const got = await send(port, request, id);
      const expected = serializeHttp(response).split('\r\n\r\n')[0]?.split('\r\n') ?? [];
      expect(statusOf(got), where).toBe(String(response.status));
      expect(headersOf(expected), where).toEqual(headersOf(got));
    }
  }, 60_000);

  it('Starlette lowercases the headers a response is given and puts its content-length and content-type after them', () => {
    const unauthorized = exchanges.find((e) => e.where.startsWith('unauthorized on python+'));
    if (!unauthorized) throw new Error('no unauthorized journey on FastAPI');
    const given = unauthorized.response.headers.filter(
      ([n]) => !UVICORN_WRITES.has(n) && n !== 'content-length' && n !== 'content-type',
    );
    const script = [
      'import json, sys',
      'from starlette.responses import JSONResponse',
      'given = json.loads(sys.stdin.read())',
      'r = JSONResponse({"detail": "Not authenticated"}, status_code=401, headers=dict(given))',
      'print(json.dumps([[n.decode(), v.decode()] for n, v in r.raw_headers]))',
    ].join('\n');
    const out = spawnSync(PYTHON ?? 'python3', ['-c', script], {
      input: JSON.stringify(given),
      encoding: 'utf8',
    });
    expect(out.status, out.stderr).toBe(0);
    const starlette = JSON.parse(out.stdout) as [string, string][];
    expect(unauthorized.response.headers.filter(([n]) => !UVICORN_WRITES.has(n))).toEqual(starlette);
  });
});
