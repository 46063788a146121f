import { describe, expect, it } from 'vitest';
import { CERTIFICATE } from '../world/world.ts';
import { certificateCheck, certificateTime } from './certificateCheck.ts';

const VALID = { notBefore: CERTIFICATE.notBefore, notAfter: CERTIFICATE.notAfter, names: ['shop.example'] };
const DAY = 86_400_000;

describe('certificateCheck: the browser’s decision', () => {
  it.each([
    ['the shop’s certificate, today', VALID, 'shop.example', 0, { ok: true }],
    [
      'the expired one',
      { ...VALID, notBefore: CERTIFICATE.expiredNotBefore, notAfter: CERTIFICATE.expiredNotAfter },
      'shop.example',
      0,
      { ok: false, problem: 'expired', netError: 'net::ERR_CERT_DATE_INVALID' },
    ],
    [
      'the valid one, a week later (1 December)',
      VALID,
      'shop.example',
      7 * DAY,
      { ok: false, problem: 'expired', netError: 'net::ERR_CERT_DATE_INVALID' },
    ],
    [
      'its last second (30 November 23:59:59)',
      VALID,
      'shop.example',
      6 * DAY + 14 * 3_600_000 + 59 * 60_000 + 59_000,
      { ok: true },
    ],
    [
      'one not valid until next year',
      { ...VALID, notBefore: '2027-01-01 00:00:00 UTC', notAfter: '2027-12-31 23:59:59 UTC' },
      'shop.example',
      0,
      { ok: false, problem: 'not yet valid', netError: 'net::ERR_CERT_DATE_INVALID' },
    ],
    [
      'another site’s name',
      VALID,
      'api.shop.example',
      0,
      { ok: false, problem: 'wrong name', netError: 'net::ERR_CERT_COMMON_NAME_INVALID' },
    ],
    [
      'a wildcard covers one label',
      { ...VALID, names: ['*.shop.example'] },
      'api.shop.example',
      0,
      { ok: true },
    ],
    [
      'but not the bare name',
      { ...VALID, names: ['*.shop.example'] },
      'shop.example',
      0,
      { ok: false, problem: 'wrong name', netError: 'net::ERR_CERT_COMMON_NAME_INVALID' },
    ],
    [
      'nor two labels',
      { ...VALID, names: ['*.example'] },
      'a.shop.example',
      0,
      { ok: false, problem: 'wrong name', netError: 'net::ERR_CERT_COMMON_NAME_INVALID' },
    ],
  ] as const)('%s', (_name, cert, host, nowMs, verdict) => {
    expect(certificateCheck(cert, host, nowMs)).toEqual(verdict);
  });

  it('reads the world’s clock in the certificate’s format', () => {
    expect(certificateTime(0)).toBe('2026-11-24 09:00:00 UTC');
    expect(certificateTime(15 * 3_600_000 + 1_000)).toBe('2026-11-25 00:00:01 UTC');
  });
});
