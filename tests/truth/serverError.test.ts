// server-error on FastAPI against a real Starlette under uvicorn (where installed): a route that raises
// what the handler raises, default settings (debug off). What uvicorn sends must be the app → proxy step
// the timeline shows, head and body (only date's value differs), and uvicorn then closes the connection,
// as the step's explanation says.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { freePort, untilClosed } from './loopback.ts';
import { stepsWith } from './timelines.ts';

const PYTHON =
  ['python3', '/usr/bin/python3'].find(
    (python) => spawnSync(python, ['-c', 'import uvicorn, starlette'], { input: '' }).status === 0,
  ) ?? null;

const SERVER = `
import sys, uvicorn
from starlette.applications import Starlette
from starlette.routing import Route
async def get_product(request):
    fields = request.query_params.get("fields")
    wanted = fields.split(",")
app = Starlette(routes=[Route("/api/products/{id:int}", get_product)])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), http="h11", lifespan="off", log_level="info")
`;

describe.runIf(PYTHON)('server-error on a real Starlette and uvicorn', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-500-'));
  let uvicorn: ChildProcess | null = null;
  let port = 0;
  let log = '';

  beforeAll(async () => {
    writeFileSync(join(dir, 'server.py'), SERVER);
    port = await freePort();
    // uvicorn's access lines go to stdout and its errors to stderr: both, unbuffered, in the order written.
    uvicorn = spawn(PYTHON ?? 'python3', [join(dir, 'server.py'), String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONUNBUFFERED: '1' },
    });
    const collect = (chunk: Buffer) => (log += chunk.toString('utf8'));
    uvicorn.stdout?.on('data', collect);
    uvicorn.stderr?.on('data', collect);
    for (let i = 0; ; i++) {
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
        s.on('error', () => resolve(false));
      });
      if (up) break;
      if (i > 100) throw new Error('uvicorn did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 30_000);

  afterAll(() => {
    uvicorn?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Starlette’s plain-text 500 as uvicorn writes it, then the connection closed', async () => {
    for (const db of ['postgres', 'mysql', 'mongodb'] as const) {
      const http = stepsWith(buildTimeline(scenarioById('server-error')!, { lang: 'python', db }), 'http');
      const request = http.find((s) => s.from === 'proxy' && s.to === 'app')!.message.http;
      const response = http.find((s) => s.from === 'app' && s.to === 'proxy')!.message.http;
      const got = await untilClosed(port, serializeHttp(request));
      const withoutDate = (raw: string) => raw.replace(/^date: .*$/im, 'date: (now)');
      expect(withoutDate(serializeHttp(response)), db).toBe(withoutDate(got.data));
      expect(got.closed, `${db}: uvicorn closes the connection after the 500`).toBe(true);
    }
  }, 30_000);

  it('uvicorn’s log: the access line first (the 500 has been sent), then the traceback, ending in the handler’s frame', async () => {
    await new Promise((r) => setTimeout(r, 200));
    const t = buildTimeline(scenarioById('server-error')!, { lang: 'python', db: 'postgres' });
    const shown = t.steps.find((s) => s.id === 'server-exception')!.message.text.split('\n');
    const real = log
      .split('\n')
      .filter((l) => !/Started server process|Waiting for|Uvicorn running|startup/.test(l));
    const start = real.findIndex((l) => l.includes('" 500 Internal Server Error'));
    // The peer is the test's 127.0.0.1 and a port; in the journey it is the proxy.
    const access = (l: string) => l.replace(/\d+\.\d+\.\d+\.\d+:\d+/, 'PEER');
    expect(access(shown[0]!)).toBe(access(real[start]!));
    expect(shown[1]).toBe(real[start + 1]);
    expect(shown[2]).toBe(real[start + 2]);
    // The frames between are uvicorn's and Starlette's; the shown log elides them with "  …".
    const end = real.findIndex((l, i) => i > start && l.startsWith('AttributeError'));
    const tail = (lines: readonly string[], to: number) =>
      lines.slice(to - 3, to + 1).map((l) => l.replace(/File "[^"]+", line \d+/, 'File "…", line N'));
    expect(tail(shown, shown.length - 1)).toEqual(tail(real, end));
  }, 30_000);
});
