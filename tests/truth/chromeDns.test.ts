// How Chrome on Linux asks for an address, checked live (issue 12 item 6): Debian's Chromium runs in a mount
// namespace whose /etc/resolv.conf names a DNS server this test runs (127.0.0.153, as systemd-resolved's stub
// file reads: 'options edns0 trust-ad'), and the server records every query. Chrome's own DNS client sends A,
// AAAA and HTTPS queries at once, each from its own port, with RD and no OPT record; the C library's resolver
// (getaddrinfo) would add an OPT record here, because of 'options edns0'. For a name that does not exist, Chrome
// then retries once through getaddrinfo. Needs root (unshare, mount, port 53); skipped otherwise.
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { stepsWith } from './timelines.ts';

const CHROMIUM = '/usr/bin/chromium';
const SERVER = '127.0.0.153';
const CAN =
  existsSync(CHROMIUM) && process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;

interface Seen {
  readonly port: number;
  readonly name: string;
  readonly type: string;
  readonly flags: number;
  readonly opt: boolean;
}

const seen: Seen[] = [];
const socket = dgram.createSocket('udp4');
let dir = '';

// Chromium, in its own mount namespace, loads each address once and gives up.
const SCRIPT = `
import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: ${JSON.stringify(CHROMIUM)} });
const page = await browser.newPage();
for (const url of ['https://shop.example/', 'https://shpo.example/']) await page.goto(url, { timeout: 8000 }).catch(() => undefined);
await browser.close();
`;

beforeAll(async () => {
  if (!CAN) return;
  socket.on('message', (msg, rinfo) => {
    const q = dnsPacket.decode(msg);
    const question = q.questions?.[0];
    if (!question) return;
    seen.push({
      port: rinfo.port,
      name: question.name,
      type: question.type,
      flags: q.flags ?? 0,
      opt: (q.additionals ?? []).some((a) => a.type === 'OPT'),
    });
    const exists = question.name === 'shop.example';
    const answers =
      exists && question.type === 'A'
        ? [{ name: 'shop.example', type: 'A' as const, ttl: 60, data: '127.0.0.9' }]
        : [];
    socket.send(
      dnsPacket.encode({
        type: 'response',
        id: q.id,
        flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (exists ? 0 : 3),
        questions: q.questions,
        answers,
      }),
      rinfo.port,
      rinfo.address,
    );
  });
  await new Promise<void>((resolve) => socket.bind(53, SERVER, resolve));
  dir = mkdtempSync(join(tmpdir(), 'roundtrip-dns-'));
  writeFileSync(join(dir, 'resolv.conf'), `nameserver ${SERVER}\noptions edns0 trust-ad\nsearch .\n`);
  writeFileSync(join(dir, 'nsswitch.conf'), 'hosts: files dns\n');
  const child = spawn(
    'unshare',
    [
      '-m',
      'sh',
      '-c',
      `mount --bind ${dir}/resolv.conf /etc/resolv.conf && mount --bind ${dir}/nsswitch.conf /etc/nsswitch.conf && exec node --input-type=module -e "$0"`,
      SCRIPT,
    ],
    { cwd: process.cwd(), stdio: 'ignore' },
  );
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
}, 90_000);

afterAll(() => {
  if (!CAN) return;
  socket.close();
  rmSync(dir, { recursive: true, force: true });
});

const RD = dnsPacket.RECURSION_DESIRED;

describe.runIf(CAN)('Chrome on Linux, asking for shop.example', () => {
  it('asks A, AAAA and HTTPS with its own client: one port each, RD only, no OPT record', () => {
    const own = seen.filter((s) => s.name === 'shop.example');
    expect(new Set(own.map((s) => s.type))).toEqual(new Set(['A', 'AAAA', 'UNKNOWN_65']));
    for (const s of own) expect([s.type, s.flags, s.opt]).toEqual([s.type, RD, false]);
    expect(new Set(own.map((s) => s.port)).size).toBe(own.length);
  });

  it('is what the timeline draws: A and AAAA to the stub with RD and no OPT record', () => {
    const t = buildTimeline(scenarioById('first-visit')!, { lang: 'node', db: 'postgres' });
    const drawn = stepsWith(t, 'dns').filter((s) => s.from === 'browser');
    expect(drawn.map((s) => [s.message.dns.question.type, s.message.dns.rd, s.message.dns.edns])).toEqual([
      ['A', true, null],
      ['AAAA', true, null],
    ]);
  });

  it('retries a name that does not exist once through getaddrinfo (glibc: an OPT record, AD set by trust-ad)', () => {
    const nx = seen.filter((s) => s.name === 'shpo.example');
    expect(nx.filter((s) => !s.opt).map((s) => s.type)).toEqual(
      expect.arrayContaining(['A', 'AAAA', 'UNKNOWN_65']),
    );
    const libc = nx.filter((s) => s.opt);
    expect(libc.map((s) => s.type)).toEqual(expect.arrayContaining(['A', 'AAAA']));
    for (const s of libc) expect(s.flags & dnsPacket.AUTHENTIC_DATA).toBe(dnsPacket.AUTHENTIC_DATA);
  });
});
