// Shared by the truth tests that drive Debian's Chromium (where installed): where it is, how it is launched
// with the shop's names pointing at loopback, and the self-signed certificate the TLS tests serve.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { CLIENT_HINTS, USER_AGENT } from '../../src/core/world/world.ts';

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

const OUR_MAJOR = /Chrome\/(\d+)\./.exec(USER_AGENT)?.[1] ?? '';
/** The installed Chromium's major version ("150" from "Chromium 150.0.7871.100 built on Debian…"). */
export const INSTALLED_MAJOR = HAS_CHROMIUM
  ? (/Chromium (\d+)\./.exec(spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ??
    '')
  : '';
/**
 * What an installed Chromium of another major version sends differently from the one the timeline
 * names, besides its version: found by running these tests with that version, each one looked at.
 */
const OTHER_VERSION: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  // Chromium 150 still offered JPEG XL in a navigation's Accept.
  '150': [['image/jxl,image/avif', 'image/avif']],
};
/** A Sec-CH-UA list of exactly a GREASE brand and Chromium ("Not:A-Brand";v="8", "Chromium";v="156"). */
const BRANDS = /^"(?<a>[^"]+)";v="\d+", "(?<b>[^"]+)";v="\d+"$/;
const GREASE = /^Not.A.Brand$/;

/**
 * A header value as the installed Chromium sends it, rewritten as the Chromium the timeline names
 * (world.ts) would. Headless's "HeadlessChrome" always; and when Debian's package is another major
 * version (150 and 156 have both been installed where these tests run), its version in User-Agent,
 * the Sec-CH-UA list's version and GREASE brand (which Chromium derives from its major version) and
 * the differences listed in OTHER_VERSION. Everything else must match to the byte.
 */
export function asOurChromium(value: string): string {
  const headless = value.replace('HeadlessChrome', 'Chrome');
  if (INSTALLED_MAJOR === OUR_MAJOR) return headless;
  let ours = headless.replace(/Chrome\/\d+\.0\.0\.0/, `Chrome/${OUR_MAJOR}.0.0.0`);
  for (const [theirs, mine] of OTHER_VERSION[INSTALLED_MAJOR] ?? []) ours = ours.replace(theirs, mine);
  const brands = BRANDS.exec(ours)?.groups;
  if (!brands) return ours;
  const names = [brands['a'] ?? '', brands['b'] ?? ''];
  const chromium = names.indexOf('Chromium');
  return chromium >= 0 && GREASE.test(names[1 - chromium] ?? '') ? CLIENT_HINTS.brands : ours;
}
