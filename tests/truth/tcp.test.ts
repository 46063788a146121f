// The TCP segments every journey prints, against a real Linux handshake captured by tcpdump on the loopback
// interface (where tcpdump is installed and the test may capture: apt-get install tcpdump, as root). Node
// connects to a Node server that closes at once (SYN, SYN-ACK, ACK, then the server's FIN) and to a port
// nothing listens on (SYN, RST). Each line the timeline prints must have the captured line's shape: the same
// fields and options in the same order, numbers aside (loopback's MSS is 65495 and its window scale follows
// the machine's buffers, where Ethernet's are 1460 and 7).
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { freePort } from './loopback.ts';
import { stepsWith } from './timelines.ts';

const CAN_CAPTURE =
  process.getuid?.() === 0 && spawnSync('tcpdump', ['--version'], { input: '' }).error === undefined;

/** A line with every number replaced by #, addresses and ports included. */
const shape = (line: string): string => line.replace(/\d+/g, '#');

/** What tcpdump -n -S -t prints on lo while `traffic` runs, one line per segment. */
async function capture(filter: string, traffic: () => Promise<void>): Promise<string[]> {
  const dump = spawn('tcpdump', ['-i', 'lo', '-n', '-S', '-t', '-l', filter], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  dump.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve) =>
    dump.stderr.on('data', (chunk: Buffer) => chunk.toString().includes('listening on') && resolve()),
  );
  await traffic();
  await new Promise((r) => setTimeout(r, 300));
  dump.kill();
  await new Promise((r) => dump.on('close', r));
  return out.trim().split('\n');
}

describe.runIf(CAN_CAPTURE)('TCP segments against a real Linux handshake (tcpdump on lo)', () => {
  const line = (scenario: string, lang: 'node' | 'go', id: string): string => {
    const t = buildTimeline(scenarioById(scenario)!, { lang, db: 'postgres' });
    const step = stepsWith(t, 'tcp').find((s) => s.id === id);
    if (!step) throw new Error(`${scenario}: no ${id}`);
    return step.message.text;
  };

  it('SYN, SYN-ACK, ACK and the server’s FIN', async () => {
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const seen = await capture(`tcp port ${port}`, async () => {
      await new Promise<void>((resolve) => {
        const client = net.connect(port, '127.0.0.1');
        client.on('end', () => (client.end(), resolve()));
      });
      server.close();
    });
    expect(seen.length).toBeGreaterThanOrEqual(4);
    const [syn, synAck, ack] = seen;
    const fin = seen.find((l) => /Flags \[F\.\]/.test(l) && l.includes(`.${port} >`));
    expect(shape(line('first-visit', 'node', 'tcp-syn'))).toBe(shape(syn!));
    expect(shape(line('first-visit', 'node', 'tcp-syn-ack'))).toBe(shape(synAck!));
    expect(shape(line('first-visit', 'node', 'tcp-ack'))).toBe(shape(ack!));
    // Go's server closes the connection after a panic (server-error).
    expect(shape(line('server-error', 'go', 'upstream-fin'))).toBe(shape(fin!));
  }, 20_000);

  it('a SYN to a port nothing listens on, and the RST', async () => {
    const port = await freePort();
    const seen = await capture(`tcp port ${port}`, async () => {
      await new Promise<void>((resolve) => net.connect(port, '127.0.0.1').on('error', () => resolve()));
    });
    expect(shape(line('bad-gateway', 'node', 'upstream-syn'))).toBe(shape(seen[0]!));
    expect(shape(line('bad-gateway', 'node', 'upstream-rst'))).toBe(shape(seen[1]!));
  }, 20_000);
});
