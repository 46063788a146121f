// The certificate every TLS handshake shows, checked against Node's tls.checkServerIdentity (RFC 6125 as
// OpenSSL-based clients apply it, and as Chromium does since version 58: when subjectAltName has DNS names the
// subject's CN is ignored). Every host a scenario connects to must be named in subjectAltName, and, as the
// CA/Browser Forum's Baseline Requirements (7.1.4.3) ask, the CN must be one of those names.
import tls from 'node:tls';
import type { PeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { buildTimeline, SCENARIOS } from '../../src/core/index.ts';
import { shownOn, stackName, stepsWith } from './timelines.ts';

const field = (fields: readonly (readonly [string, string])[], name: string): string =>
  fields.find(([n]) => n === name)?.[1] ?? '';

describe('the certificate each handshake shows', () => {
  for (const scenario of SCENARIOS) {
    const stack = shownOn(scenario)[0]!;
    const t = buildTimeline(scenario, stack);
    const certs = stepsWith(t, 'tls').filter((s) => s.id === 'tls-certificate');
    if (certs.length === 0) continue;
    it(`${scenario.id} (${stackName(stack)}): names the host in subjectAltName, and its CN is one of them`, () => {
      for (const cert of certs) {
        const fields = cert.message.tls.fields;
        const subject = field(fields, 'subject');
        const san = field(fields, 'subject_alt_name');
        const cn = /^CN=(.+)$/.exec(subject)?.[1] ?? '';
        const host = new URL(scenario.request.url).hostname;
        const peer = { subject: { CN: cn }, subjectaltname: san } as unknown as PeerCertificate;
        expect(tls.checkServerIdentity(host, peer), `${host} against ${san}`).toBeUndefined();
        expect(san.split(', ')).toContain(`DNS:${cn}`);
        expect(field(fields, 'certificate_list')).toMatch(
          new RegExp(`^${cn.replace(/\./g, '\\.')} \\(leaf\\)`),
        );
      }
    });
  }

  it('matches api.shop.example through subjectAltName although the CN says shop.example (cors-preflight)', () => {
    const t = buildTimeline(
      SCENARIOS.find((s) => s.id === 'cors-preflight')!,
      { lang: 'node', db: 'postgres' },
    );
    const cert = stepsWith(t, 'tls').find((s) => s.id === 'tls-certificate')!;
    expect(field(cert.message.tls.fields, 'subject')).toBe('CN=shop.example');
    const verify = t.steps.find((s) => s.id === 'tls-verify')!;
    expect(verify.narration).toMatch(/subjectAltName names api\.shop\.example/);
    expect(verify.narration).toMatch(/CN, shop\.example, is not consulted/);
    // Node refuses the same certificate if api.shop.example is only in the CN.
    const cnOnly = { subject: { CN: 'api.shop.example' }, subjectaltname: 'DNS:shop.example' };
    expect(tls.checkServerIdentity('api.shop.example', cnOnly as unknown as PeerCertificate)).toBeInstanceOf(
      Error,
    );
  });
});
