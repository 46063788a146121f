// Shared by the truth tests that drive Debian's Chromium (where installed): where it is, how it is launched
// with the shop's names pointing at loopback, and the self-signed certificate the TLS tests serve.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

/**
 * Launches the system Chromium, headless, with `hosts` resolved by --host-resolver-rules (by default
 * shop.example to 127.0.0.1; a rule of its own, such as "MAP shpo.example ~NOTFOUND", as written) and `args`.
 */
export const launchChromium = (
  hosts: readonly string[] = ['shop.example'],
  args: readonly string[] = [],
): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...(hosts.length > 0
        ? [
            `--host-resolver-rules=${hosts.map((h) => (h.startsWith('MAP ') ? h : `MAP ${h} 127.0.0.1`)).join(', ')}`,
          ]
        : []),
      ...args,
    ],
  });

/**
 * A self-signed P-256 certificate for shop.example (CN and subjectAltName) made by openssl in `dir`, valid for
 * `days`: the PEM key and certificate.
 */
export function selfSignedCertificate(dir: string, days = 1): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=shop.example',
      '-addext',
      'subjectAltName=DNS:shop.example',
      '-days',
      String(days),
    ],
    { input: '' },
  );
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
