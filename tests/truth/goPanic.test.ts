// server-error on Go against a real net/http (Debian's Go toolchains, where installed: golang-go's 1.19 and,
// from bookworm-backports, golang-1.23-go): a handler that panics as the shop's does, indexing past the
// end of strings.Split of the missing ?fields=. The server must log what the timeline shows and close the
// connection without a byte of response. The log's first frame is the same function on every release, but
// its server.go line and offset are those of the release we name (GO_VERSION): exact on that release, only
// the form on the others.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { GO_VERSION } from '../../src/core/stacks/frameworks/netHttp.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { accepts, freePort, untilClosed } from './loopback.ts';
import { stepsWith } from './timelines.ts';

/** Every Go toolchain Debian installed: /usr/lib/go-1.NN/bin/go, by release. */
const TOOLCHAINS: ReadonlyMap<string, string> = new Map(
  (existsSync('/usr/lib') ? readdirSync('/usr/lib') : [])
    .map((name) => /^go-(1\.\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null && existsSync(`/usr/lib/${m[0]}/bin/go`))
    .map((m) => [m[1]!, `/usr/lib/${m[0]}/bin/go`] as const),
);

// Plain "/api/products/" so that releases before 1.22's patterns build it too; the panic is the same.
const SERVER = `package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

func main() {
	http.HandleFunc("/api/products/", func(w http.ResponseWriter, r *http.Request) {
		wanted := strings.Split(r.URL.Query().Get("fields"), ",")
		fmt.Fprintln(w, wanted[1])
	})
	http.ListenAndServe("127.0.0.1:"+os.Args[1], nil)
}
`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Builds SERVER with `go`, serves the timeline's forwarded request, and returns what it sent and logged. */
async function panicOn(go: string, raw: string): Promise<{ data: string; closed: boolean; log: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-gopanic-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.go'), SERVER);
  const env = { ...process.env, GO111MODULE: 'off', GOTOOLCHAIN: 'local', GOFLAGS: '' };
  const built = spawnSync(go, ['build', '-o', 'server', 'main.go'], { cwd: dir, env, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`${go} build: ${built.stderr}`);
  const port = await freePort();
  const server = spawn(join(dir, 'server'), [String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  try {
    for (let i = 0; !(await accepts(port)); i++) {
      if (i > 100) throw new Error(`${go}: the server did not start: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const got = await untilClosed(port, raw);
    for (let i = 0; !log.includes('[running]:\n') && i < 50; i++)
      await new Promise((r) => setTimeout(r, 100));
    return { ...got, log };
  } finally {
    server.kill();
  }
}

const shown = () => {
  const t = buildTimeline(scenarioById('server-error')!, { lang: 'go', db: 'postgres' });
  const request = stepsWith(t, 'http').find((s) => s.id === 'proxy-forward')!.message.http;
  const log = t.steps.find((s) => s.id === 'server-exception')!.message.text;
  return { raw: serializeHttp(request), lines: log.split('\n') };
};

/**
 * The log's first four lines, with what differs between two runs made alike: the time, the peer, the
 * goroutine's number, and the GOROOT (Debian's /usr/lib/go-1.NN; Go's own archive and the golang image
 * have /usr/local/go). With `anyLine`, the first frame's line and offset too.
 */
const normal = (lines: readonly string[], anyLine: boolean): string[] =>
  lines.slice(0, 4).map((l) => {
    const common = l
      .replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, 'TIME ')
      .replace(/panic serving [\d.]+:\d+:/, 'panic serving PEER:')
      .replace(/^goroutine \d+ /, 'goroutine N ')
      .replace(/^\t\/\S+\/src\/net\/http\//, '\tGOROOT/src/net/http/');
    return anyLine ? common.replace(/server\.go:\d+ \+0x[0-9a-f]+$/, 'server.go:LINE +0xOFF') : common;
  });

describe.runIf(TOOLCHAINS.size > 0)('a handler’s panic on a real Go net/http', () => {
  it.each([...TOOLCHAINS])(
    'Go %s logs "http: panic serving" and its first frame as shown, and closes without a response',
    async (release, go) => {
      const { raw, lines } = shown();
      const real = await panicOn(go, raw);
      expect(real.data, 'net/http writes nothing').toBe('');
      expect(real.closed, 'and closes the connection').toBe(true);
      expect(normal(lines, true)).toEqual(normal(real.log.split('\n'), true));
      // The release we name must be the one whose server.go line and offset we show.
      if (release === GO_VERSION) expect(normal(lines, false)).toEqual(normal(real.log.split('\n'), false));
    },
    180_000,
  );
});
