import { worldTime } from '../protocols/worldTime.ts';

/** What the browser reads from the server's certificate to decide whether to trust it. */
export interface CertificateFacts {
  /** "2026-09-01 00:00:00 UTC", as the certificate's validity is shown. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** The subjectAltName DNS names ("shop.example", "*.shop.example"). */
  readonly names: readonly string[];
}

/** The browser's decision: trust, or the net error Chrome reports and why. */
export type CertificateVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly problem: 'expired' | 'not yet valid' | 'wrong name';
      /** Chrome's net error: "net::ERR_CERT_DATE_INVALID". */
      readonly netError: string;
    };

const two = (n: number): string => String(n).padStart(2, '0');

/** The world's instant `nowMs` in the certificate's own format, so the two compare as strings. */
export const certificateTime = (nowMs: number): string => {
  const t = worldTime(nowMs);
  return `${t.year}-${two(t.month)}-${two(t.day)} ${two(t.hour)}:${two(t.minute)}:${two(t.second)} UTC`;
};

/** Whether a subjectAltName DNS name covers `host` (a wildcard covers exactly one leftmost label, RFC 6125 §6.4.3). */
const covers = (name: string, host: string): boolean =>
  name.startsWith('*.')
    ? host.slice(host.indexOf('.') + 1) === name.slice(2) && host.indexOf('.') > 0
    : name === host;

/**
 * The browser's certificate decision for `host` at `nowMs` (the chain and the signature are taken as good):
 * a plan, not an effect; tlsHandshake narrates it.
 */
export function certificateCheck(cert: CertificateFacts, host: string, nowMs: number): CertificateVerdict {
  const now = certificateTime(nowMs);
  if (now > cert.notAfter) return { ok: false, problem: 'expired', netError: 'net::ERR_CERT_DATE_INVALID' };
  if (now < cert.notBefore)
    return { ok: false, problem: 'not yet valid', netError: 'net::ERR_CERT_DATE_INVALID' };
  if (!cert.names.some((name) => covers(name, host)))
    return { ok: false, problem: 'wrong name', netError: 'net::ERR_CERT_COMMON_NAME_INVALID' };
  return { ok: true };
}
