// What Chromium sends when it refuses a server's certificate (issue 12, item 7), checked live: Debian's
// /usr/bin/chromium connects to a local TLS 1.3 server (Node's tls, OpenSSL) whose certificate it cannot
// trust, and the server reports the alert it received. Chromium's certificate verifier runs as BoringSSL's
// custom verify callback, which leaves BoringSSL's default alert, certificate_unknown (46), whatever the
// reason (an untrusted issuer here, an expired date in the scenario); it never sends certificate_expired (45).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { HAS_CHROMIUM, HAS_OPENSSL, launchChromium, selfSignedCertificate } from './chromium.ts';

async function alertChromiumSends(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-tls-'));
  try {
    const { key, cert } = selfSignedCertificate(dir);
    let seen = '';
    const server = tls.createServer({ key, cert, minVersion: 'TLSv1.3' }, (socket) => socket.end());
    server.on('tlsClientError', (error: Error) => (seen = error.message));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`https://shop.example:${port}/`).catch(() => undefined);
      for (let i = 0; i < 50 && seen === ''; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await browser.close();
      server.close();
    }
    return seen;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(HAS_CHROMIUM && HAS_OPENSSL)('the alert Chromium sends for a certificate it refuses', () => {
  it('is certificate_unknown (46), as the expired-certificate scenario shows it', async () => {
    const seen = await alertChromiumSends();
    expect(seen).toMatch(/alert certificate unknown.*SSL alert number 46/s);
    const t = buildTimeline(scenarioById('expired-certificate')!, { lang: 'node', db: 'postgres' });
    const alert = t.steps.find((s) => s.id === 'tls-alert');
    expect(alert?.message.protocol === 'tls' ? alert.message.tls.fields : []).toContainEqual([
      'description',
      'certificate_unknown (46)',
    ]);
    expect(alert?.message.text).toMatch(
      /application_data \(23\), encrypted; inner content type alert \(21\)/,
    );
  }, 60_000);
});

describe('the certificate the server sends', () => {
  it('is a chain (leaf and intermediate), and the browser matches the name against subjectAltName', () => {
    const t = buildTimeline(scenarioById('first-visit')!, { lang: 'node', db: 'postgres' });
    const cert = t.steps.find((s) => s.id === 'tls-certificate');
    const fields = cert?.message.protocol === 'tls' ? cert.message.tls.fields : [];
    expect(fields.find(([n]) => n === 'certificate_list')?.[1]).toMatch(/\(leaf\), .+ \(intermediate\)$/);
    expect(t.steps.find((s) => s.id === 'tls-verify')?.narration).toMatch(
      /subjectAltName names shop\.example/,
    );
  });
});
