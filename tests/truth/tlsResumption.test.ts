// tls-resumption against a real nginx (where this machine has nginx and the openssl tool) with a certificate
// chain like the world's (an ECDSA P-256 leaf and its intermediate), reached by Node's own tls client
// (OpenSSL): after a full handshake nginx sends as many session tickets as the timeline says (Node's
// `session` event), a connection offering one of them resumes (`isSessionReused()`), gets as many fresh
// ones, and reads over a kilobyte less before its handshake completes (no Certificate, no
// CertificateVerify). openssl s_client shows the decrypted handshake: the server's messages on each kind
// of connection must be the timeline's, in order, and the NewSessionTicket's fields (lifetime, nonce and
// ticket sizes, no extensions) the timeline's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { SESSION_TICKET } from '../../src/core/engine/tlsResume.ts';
import { freePort } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stepsWith } from './timelines.ts';

const HAS_OPENSSL = spawnSync('openssl', ['version'], { input: '' }).error === undefined;

const openssl = (args: readonly string[], input = ''): string => {
  const run = spawnSync('openssl', args, { input, encoding: 'latin1', timeout: 10_000 });
  return `${run.stdout}${run.stderr}`;
};

/** A root, an intermediate and a leaf for shop.example, all ECDSA P-256, made by openssl in `dir`. */
function makeChain(dir: string): void {
  const at = (f: string) => join(dir, f);
  const key = (f: string) => openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', at(f)]);
  ['root.key', 'inter.key', 'leaf.key'].forEach(key);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    at('root.key'),
    '-subj',
    '/CN=Example Root',
    '-days',
    '30',
    '-out',
    at('root.pem'),
  ]);
  const sign = (csrKey: string, subject: string, out: string, caCert: string, caKey: string, ext: string) => {
    openssl(['req', '-new', '-key', at(csrKey), '-subj', subject, '-out', at(`${out}.csr`)]);
    require_(
      openssl([
        'x509',
        '-req',
        '-in',
        at(`${out}.csr`),
        '-CA',
        at(caCert),
        '-CAkey',
        at(caKey),
        '-CAcreateserial',
        '-days',
        '30',
        '-extfile',
        at(`${out}.ext`),
        '-out',
        at(out),
      ]),
      ext,
    );
  };
  const write = (f: string, text: string) => spawnSync('sh', ['-c', `cat > ${at(f)}`], { input: text });
  write(
    'inter.pem.ext',
    'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n',
  );
  write(
    'leaf.pem.ext',
    'subjectAltName=DNS:shop.example\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n',
  );
  sign(
    'inter.key',
    '/O=Example Trust Services/CN=Example Issuing CA R3',
    'inter.pem',
    'root.pem',
    'root.key',
    'inter',
  );
  sign('leaf.key', '/CN=shop.example', 'leaf.pem', 'inter.pem', 'inter.key', 'leaf');
  write('chain.pem', readFileSync(at('leaf.pem'), 'utf8') + readFileSync(at('inter.pem'), 'utf8'));
}
const require_ = (output: string, what: string): void => {
  if (/error/i.test(output)) throw new Error(`openssl could not make the ${what} certificate: ${output}`);
};

interface Connection {
  readonly reused: boolean;
  readonly alpn: string | false;
  readonly tickets: Buffer[];
  /** Bytes the client read from the wire until its handshake completed. */
  readonly handshakeBytes: number;
}

/** One connection through Node's tls client, kept open long enough for the post-handshake tickets. */
function connect(port: number, session?: Buffer): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const raw = net.connect(port, '127.0.0.1');
    const tickets: Buffer[] = [];
    const socket = tls.connect({
      socket: raw,
      servername: 'shop.example',
      rejectUnauthorized: false,
      ALPNProtocols: ['h2', 'http/1.1'],
      ...(session ? { session } : {}),
    });
    socket.on('session', (t: Buffer) => tickets.push(t));
    socket.on('error', reject);
    socket.on('secureConnect', () => {
      const handshakeBytes = raw.bytesRead;
      const reused = socket.isSessionReused();
      const alpn = socket.alpnProtocol ?? false;
      socket.write('GET / HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n');
      socket.on('close', () => resolve({ reused, alpn, tickets, handshakeBytes }));
      socket.resume();
    });
  });
}

/** The server's handshake messages as openssl s_client -msg prints them, in order, and their hex. */
function serverMessages(output: string): { type: string; hex: string }[] {
  const out: { type: string; hex: string }[] = [];
  const lines = output.split('\n');
  lines.forEach((line, i) => {
    const m = /^<<< TLS 1\.3, Handshake \[length [0-9a-f]+\], (\w+)/.exec(line);
    if (!m) return;
    let hex = '';
    for (let j = i + 1; j < lines.length && /^ {4}[0-9a-f]{2}( |$)/.test(lines[j]!); j++)
      hex += lines[j]!.replace(/\s/g, '');
    out.push({ type: m[1]!, hex });
  });
  return out;
}

describe.runIf(HAS_NGINX && HAS_OPENSSL)('tls-resumption against a real nginx and Node’s tls client', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-tls-'));
  let nginx: NginxProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    makeChain(dir);
    port = await freePort();
    nginx = await startNginx(
      `  server {
    listen 127.0.0.1:${port} ssl;
    server_name shop.example;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_certificate ${dir}/chain.pem;
    ssl_certificate_key ${dir}/leaf.key;
    location / { return 200 "ok\\n"; }
  }`,
      port,
    );
  }, 30_000);

  afterAll(() => {
    nginx?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends two tickets after a full handshake and one after resuming, which skips the certificate', async () => {
    const full = await connect(port);
    expect(full.reused).toBe(false);
    expect(full.tickets).toHaveLength(SESSION_TICKET.afterFull);
    const resumed = await connect(port, full.tickets[0]);
    expect(resumed.reused).toBe(true);
    expect(resumed.tickets).toHaveLength(SESSION_TICKET.afterResumed);
    // The timeline's nginx picks HTTP/1.1 from Chrome's list on both kinds of connection.
    const t = buildTimeline(scenarioById('tls-resumption')!, STACKS[0]!);
    const ee = stepsWith(t, 'tls').find((s) => s.message.tls.type === 'EncryptedExtensions')!;
    expect(ee.message.tls.fields).toContainEqual(['application_layer_protocol_negotiation', full.alpn]);
    expect(resumed.alpn).toBe(full.alpn);
    // The certificate chain and its signature are what resumption does not send.
    expect(full.handshakeBytes - resumed.handshakeBytes).toBeGreaterThan(1000);
  });

  it('shows the server’s handshake messages and the NewSessionTicket as nginx sends them', () => {
    const sess = join(dir, 'session.pem');
    const request = 'GET / HTTP/1.1\r\nHost: shop.example\r\nConnection: close\r\n\r\n';
    const base = [
      's_client',
      '-connect',
      `127.0.0.1:${port}`,
      '-servername',
      'shop.example',
      '-alpn',
      'h2,http/1.1',
      '-msg',
      '-ign_eof',
      // Chrome's first choice, which nginx (ssl_prefer_server_ciphers off) takes: the session, and so the
      // ticket, holds a 32-byte secret (256 bytes of ticket with TLS_AES_256_GCM_SHA384's 48).
      '-ciphersuites',
      'TLS_AES_128_GCM_SHA256',
    ];
    const first = serverMessages(openssl([...base, '-sess_out', sess], request));
    const again = serverMessages(openssl([...base, '-sess_in', sess], request));

    const fromProxy = (id: string) =>
      stepsWith(buildTimeline(scenarioById(id)!, STACKS[0]!), 'tls')
        .filter((s) => s.from === 'proxy')
        .map((s) => s.message.tls.type);
    expect(first.map((m) => m.type)).toEqual([
      ...fromProxy('first-visit'),
      ...Array<string>(SESSION_TICKET.afterFull).fill('NewSessionTicket'),
    ]);
    expect(again.map((m) => m.type)).toEqual(fromProxy('tls-resumption'));

    // NewSessionTicket: type, length, lifetime (4), age_add (4), nonce (1 + n), ticket (2 + n), extensions (2 + n).
    const hex = again.at(-1)!.hex;
    const bytes = Buffer.from(hex, 'hex').subarray(4);
    const lifetime = bytes.readUInt32BE(0);
    const nonceLength = bytes[8]!;
    const ticketLength = bytes.readUInt16BE(9 + nonceLength);
    const extensionsLength = bytes.readUInt16BE(11 + nonceLength + ticketLength);
    expect([lifetime, nonceLength, ticketLength, extensionsLength]).toEqual([
      SESSION_TICKET.lifetimeS,
      SESSION_TICKET.nonceBytes,
      SESSION_TICKET.bytes,
      0,
    ]);
    const shown = stepsWith(buildTimeline(scenarioById('tls-resumption')!, STACKS[0]!), 'tls').find(
      (s) => s.message.tls.type === 'NewSessionTicket',
    )!.message.tls.fields;
    expect(shown).toContainEqual(['ticket_lifetime', `${lifetime} s`]);
    expect(shown.find(([n]) => n === 'ticket_nonce')?.[1]).toHaveLength(nonceLength * 2);
    expect(shown.find(([n]) => n === 'ticket')?.[1]).toContain(`(${ticketLength} bytes`);
  });
});
