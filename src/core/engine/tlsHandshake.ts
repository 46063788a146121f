import type { Header, Message } from '../model/messages.ts';
import type { Prng } from '../journey/prng.ts';
import { tlsMessage } from '../protocols/tlsMessage.ts';
import { CERTIFICATE, COST_MS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { certificateCheck, certificateTime } from './certificateCheck.ts';
import type { CertificateFacts } from './certificateCheck.ts';
import { edgeSpeaksH2 } from './edgeSpeaksH2.ts';

const tls = tlsMessage;

export const SUITE = 'TLS_AES_128_GCM_SHA256 (0x1301)';

const PROBLEM_TITLE = {
  expired: 'Certificate expired',
  'not yet valid': 'Certificate not yet valid',
  'wrong name': 'Certificate for another name',
} as const;

/** OpenSSL's words for the failure, with the value that failed. */
const verifyError = (problem: keyof typeof PROBLEM_TITLE, cert: CertificateFacts, host: string): string => {
  switch (problem) {
    case 'expired':
      return `certificate has expired (not after ${cert.notAfter})`;
    case 'not yet valid':
      return `certificate is not yet valid (not before ${cert.notBefore})`;
    case 'wrong name':
      return `hostname mismatch (${host})`;
  }
};

const problemText = (
  problem: keyof typeof PROBLEM_TITLE,
  cert: CertificateFacts,
  host: string,
  today: string,
): string => {
  switch (problem) {
    case 'expired':
      return `it expired on ${cert.notAfter.slice(0, 10)} and today is ${today}`;
    case 'not yet valid':
      return `it is valid only from ${cert.notBefore.slice(0, 10)} and today is ${today}`;
    case 'wrong name':
      return `it names ${cert.names.join(', ')}, not ${host}`;
  }
};

/** The browser's ClientHello, its random and key share drawn from `rng` (a resumption adds its PSK after). */
export const clientHelloFields = (rng: Prng, host: string): Header[] => [
  ['legacy_version', 'TLS 1.2 (0x0303)'],
  ['random', rng.hex(32)],
  ['cipher_suites', 'TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256'],
  ['server_name', host],
  ['application_layer_protocol_negotiation', 'h2, http/1.1'],
  ['supported_versions', 'TLS 1.3, TLS 1.2'],
  ['supported_groups', 'x25519, secp256r1'],
  ['key_share', `x25519 ${rng.hex(32)}`],
  ['signature_algorithms', 'ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256'],
];

/**
 * The TLS 1.3 full handshake (one round trip): ClientHello, the server's flight, certificate
 * checks, client Finished. Returns null when the secure channel is up, or Chrome's net error when the
 * browser rejects the certificate.
 */
export function tlsHandshake(ctx: EngineContext): string | null {
  const { b, rng, url, edge } = ctx;
  const expired = ctx.scenario.faults.certificateExpired;
  // ALPN: nginx's `listen 443 ssl http2` offers h2, as a CDN edge always does, and the browser lists it first.
  const alpn = ctx.scenario.h2 || edgeSpeaksH2(ctx) ? 'h2' : 'http/1.1';
  const cert = {
    notBefore: expired ? CERTIFICATE.expiredNotBefore : CERTIFICATE.notBefore,
    notAfter: expired ? CERTIFICATE.expiredNotAfter : CERTIFICATE.notAfter,
    names: CERTIFICATE.names,
  };
  const leaf = CERTIFICATE.subject.replace('CN=', '');
  b.hop('browser', edge, 'request', {
    id: 'tls-client-hello',
    phase: 'tls',
    title: 'ClientHello',
    narration: `Right behind the ACK, the browser starts TLS 1.3: ClientHello names the site (SNI ${url.host}), offers cipher suites and protocols (ALPN), and already sends its half of an X25519 key exchange.`,
    why: 'Security: the key share in the very first message is what makes TLS 1.3 take one round trip instead of two.',
    message: tls('ClientHello', clientHelloFields(rng, url.host)),
  });

  b.wait(COST_MS.serverKeyExchange);
  const flight = b.now();
  const gap = 0.004;
  const serverFlight: readonly [string, string, Message, string][] = [
    [
      'tls-server-hello',
      'ServerHello',
      tls('ServerHello', [
        ['random', rng.hex(32)],
        ['cipher_suite', SUITE],
        ['supported_versions', 'TLS 1.3'],
        ['key_share', `x25519 ${rng.hex(32)}`],
      ]),
      'The server picks TLS 1.3 and a cipher suite and sends its own key share. Both sides can now compute the same secret; everything after this is encrypted.',
    ],
    [
      'tls-encrypted-extensions',
      'EncryptedExtensions',
      tls('EncryptedExtensions', [
        ['application_layer_protocol_negotiation', alpn],
        ['server_name', '(acknowledged)'],
      ]),
      alpn === 'h2'
        ? `Already encrypted: the server confirms the name and picks h2, HTTP/2, the first protocol of the browser's ALPN list (${edge === 'cdn' ? 'a CDN edge offers it to every browser' : 'nginx listens with http2 on'}). No extra round trip decides the protocol: TLS did it.`
        : "Already encrypted: the server confirms the name and chooses HTTP/1.1 from the browser's ALPN list.",
    ],
    [
      'tls-certificate',
      'Certificate',
      tls('Certificate', [
        [
          'certificate_list',
          `${leaf} (leaf), ${CERTIFICATE.issuer.split(',')[0]?.replace('CN=', '')} (intermediate)`,
        ],
        ['subject', CERTIFICATE.subject],
        ['subject_alt_name', cert.names.map((n) => `DNS:${n}`).join(', ')],
        ['issuer', CERTIFICATE.issuer],
        ['not_before', cert.notBefore],
        ['not_after', cert.notAfter],
        ['public_key', 'ECDSA P-256'],
      ]),
      `The server's certificate chain: its own certificate (the leaf: the names it is valid for in subjectAltName, ${cert.names.join(' and ')}, and its dates) and the intermediate CA's that signed it, which links it to a root the browser trusts.`,
    ],
    [
      'tls-certificate-verify',
      'CertificateVerify',
      tls('CertificateVerify', [
        ['signature_algorithm', 'ecdsa_secp256r1_sha256'],
        ['signature', rng.hex(32)],
      ]),
      "A signature over the handshake so far, made with the certificate's private key: proof the server really holds it.",
    ],
    [
      'tls-server-finished',
      'Finished',
      tls('Finished', [['verify_data', rng.hex(32)]], 'Finished (server)'),
      'A MAC over the whole handshake: nothing was tampered with on the way.',
    ],
  ];
  serverFlight.forEach(([id, title, message, narration], i) =>
    b.hop(
      edge,
      'browser',
      'response',
      { id, phase: 'tls', title, narration, message },
      { startMs: flight + i * gap },
    ),
  );

  const verdict = certificateCheck(cert, url.host, b.now());
  if (!verdict.ok) {
    const today = certificateTime(b.now()).slice(0, 10);
    b.local('browser', COST_MS.certificateVerify, {
      id: 'tls-certificate-expired',
      phase: 'tls',
      title: PROBLEM_TITLE[verdict.problem],
      narration: `The browser checks the certificate: the signature chain is fine, but ${problemText(verdict.problem, cert, url.host, today)}. The browser stops the handshake.`,
      why: 'Security: an expired certificate can no longer be trusted to prove who the server is, so no request is sent.',
      message: internal(
        verdict.netError,
        `certificate verify failed: ${verifyError(verdict.problem, cert, url.host)}`,
      ),
    });
    b.hop('browser', edge, 'request', {
      id: 'tls-alert',
      phase: 'tls',
      title: 'Alert: certificate_unknown',
      narration:
        'The browser sends a fatal alert and closes the connection. An alert is its own record type, not a handshake message, and in TLS 1.3 it travels encrypted with the handshake keys. Chrome says only certificate_unknown, whatever the reason; the reason stays in the browser. No HTTP request was ever sent.',
      message: tls(
        'Alert',
        [
          ['record', 'application_data (23), encrypted; inner content type alert (21)'],
          ['level', 'fatal (2)'],
          ['description', 'certificate_unknown (46)'],
        ],
        'Alert certificate_unknown',
      ),
      changes: [
        { node: 'browser', key: 'connection', value: 'closed (certificate rejected)' },
        { node: edge, key: 'connections', value: 'closed by client alert' },
      ],
    });
    return verdict.netError;
  }

  b.local('browser', COST_MS.certificateVerify, {
    id: 'tls-verify',
    phase: 'tls',
    title: 'Browser checks the certificate',
    narration: `The browser checks that the certificate's subjectAltName names ${url.host} (the subject's CN, ${leaf}, is not consulted), that it is within its dates, that it chains through the intermediate to a trusted root, and that CertificateVerify's signature matches.`,
    why: 'Security: this check is what stops a machine in the middle from pretending to be the shop.',
    message: internal(
      'certificate OK',
      `verify ${url.host}: subjectAltName DNS:${url.host} matches, chain OK, valid until ${CERTIFICATE.notAfter}, signature OK`,
    ),
  });
  const finished = b.now();
  b.hop('browser', edge, 'request', {
    id: 'tls-client-finished',
    phase: 'tls',
    title: 'Finished (client)',
    narration:
      'The browser sends its own Finished. The secure channel is up: one round trip after the TCP handshake.',
    message: tls('Finished', [['verify_data', rng.hex(32)]], 'Finished (client)'),
    changes: [
      { node: 'browser', key: 'TLS', value: `TLS 1.3, ${SUITE.split(' ')[0]}, ${alpn}` },
      { node: edge, key: 'TLS', value: `TLS 1.3 session with ${url.host} client` },
    ],
  });
  b.rewind(finished);
  return null;
}
