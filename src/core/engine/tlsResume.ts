import { tlsMessage } from '../protocols/tlsMessage.ts';
import { COST_MS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { SUITE, clientHelloFields } from './tlsHandshake.ts';

/**
 * nginx's session tickets as nginx 1.22.1 on OpenSSL 3 sends them (tests/truth/tlsResumption.test.ts):
 * `ssl_session_timeout` 5m sets the lifetime; the ticket is 240 bytes sealed with the server's own ticket
 * key; two tickets follow a full handshake and one a resumed handshake; no early_data extension
 * (`ssl_early_data` is off), so a resumed connection sends its request after the handshake, not in it.
 */
export const SESSION_TICKET = {
  lifetimeS: 300,
  bytes: 240,
  nonceBytes: 8,
  afterFull: 2,
  afterResumed: 1,
  /** How long ago the earlier connection's handshake gave the browser its tickets. */
  ageMs: 120_000,
  /** The first 16 bytes of every ticket: the name of the key that sealed it (the world's nginx's). */
  keyName: '5f1c0e9ad2b34c7781e6a0f4c93d2b18',
} as const;

/** A ticket as a trace shows it: the key's name, then the IV, the sealed session and the HMAC. */
const ticketText = `${SESSION_TICKET.keyName}… (${SESSION_TICKET.bytes} bytes: key name, IV, the sealed session, HMAC)`;

const NO_EARLY_DATA = 'none (no early_data: nginx’s ssl_early_data is off)';

/** The fields of one NewSessionTicket: lifetime, age_add, nonce, the sealed ticket, no extensions. */
export function newSessionTicket(ctx: EngineContext, nonce: number): readonly (readonly [string, string])[] {
  return [
    ['ticket_lifetime', `${SESSION_TICKET.lifetimeS} s`],
    ['ticket_age_add', String(ctx.rng.int(0, 2 ** 32 - 1))],
    ['ticket_nonce', nonce.toString(16).padStart(SESSION_TICKET.nonceBytes * 2, '0')],
    ['ticket', ticketText],
    ['extensions', NO_EARLY_DATA],
  ];
}

/**
 * A TLS 1.3 resumed handshake (RFC 8446 §2.2): the browser offers a session ticket from an earlier
 * connection as a pre-shared key, with a fresh X25519 share (psk_dhe_ke, forward secrecy kept); the server
 * accepts it, so its flight has no Certificate and no CertificateVerify and the browser has no chain to
 * check. Still one round trip: without early data the request waits for the handshake, as in a full one.
 */
export function tlsResume(ctx: EngineContext): void {
  const { b, rng, url, edge } = ctx;
  const held = ctx.scenario.start.tlsTickets ?? 0;
  const ageMs = SESSION_TICKET.ageMs + Math.round(b.now());
  const ageAdd = rng.int(0, 2 ** 32 - 1);
  b.hop('browser', edge, 'request', {
    id: 'tls-client-hello',
    phase: 'tls',
    title: 'ClientHello with a session ticket',
    narration: `Right behind the ACK, the browser starts TLS 1.3 as always (SNI ${url.host}, ALPN, an X25519 key share), but it also offers one of the ${held} session tickets nginx gave it ${SESSION_TICKET.ageMs / 60_000} minutes ago as a pre-shared key (pre_shared_key, the last extension). It sends the ticket's age disguised by the ticket's age_add, and a binder: an HMAC over this ClientHello with the key the ticket stands for, proof it really holds the earlier session's secret. Chrome uses a ticket only once, so one is spent.`,
    why: 'Performance: a server that knows the client already trusts it need not prove itself again with its certificate.',
    message: tlsMessage('ClientHello', [
      ...clientHelloFields(rng, url.host),
      ['psk_key_exchange_modes', 'psk_dhe_ke (1)'],
      [
        'pre_shared_key',
        `identity: ticket ${ticketText}, obfuscated_ticket_age: ${(ageMs + ageAdd) % 2 ** 32} (${ageMs} ms + age_add ${ageAdd}); binder: ${rng.hex(32)}`,
      ],
    ]),
    changes: [{ node: 'browser', key: 'TLS tickets', value: `${held - 1} unused for ${url.host}` }],
  });

  b.wait(COST_MS.serverKeyExchange);
  const flight = b.now();
  const gap = 0.004;
  const serverFlight = [
    {
      id: 'tls-server-hello',
      title: 'ServerHello: ticket accepted',
      narration:
        'nginx opens the ticket with its ticket key, finds the earlier session’s secret, checks the binder and the ticket’s age, and accepts it: pre_shared_key names the identity it chose. It still sends its own key share, so the new keys mix the old secret with a fresh X25519 exchange.',
      message: tlsMessage('ServerHello', [
        ['random', rng.hex(32)],
        ['cipher_suite', SUITE],
        ['supported_versions', 'TLS 1.3'],
        ['key_share', `x25519 ${rng.hex(32)}`],
        ['pre_shared_key', 'selected_identity: 0'],
      ]),
    },
    {
      id: 'tls-encrypted-extensions',
      title: 'EncryptedExtensions',
      narration:
        'Encrypted already, as in a full handshake: the server confirms the name and picks HTTP/1.1 from the ALPN list.',
      message: tlsMessage('EncryptedExtensions', [
        ['application_layer_protocol_negotiation', 'http/1.1'],
        ['server_name', '(acknowledged)'],
      ]),
    },
    {
      id: 'tls-server-finished',
      title: 'Finished (no certificate)',
      narration:
        'Then straight to Finished: no Certificate and no CertificateVerify. The certificate chain is not sent (two certificates: over a kilobyte, more with the SCTs real certificates carry) and the server makes no signature; its Finished, a MAC only the holder of the ticket’s secret can make, is the proof.',
      message: tlsMessage('Finished', [['verify_data', rng.hex(32)]], 'Finished (server)'),
    },
  ];
  serverFlight.forEach(({ id, title, narration, message }, i) =>
    b.hop(
      edge,
      'browser',
      'response',
      { id, phase: 'tls', title, narration, message },
      { startMs: flight + i * gap },
    ),
  );

  b.local('browser', COST_MS.cacheLookup, {
    id: 'tls-resumed',
    phase: 'tls',
    title: 'Session resumed',
    narration:
      'The browser checks the server’s Finished with the resumed secret. There is no certificate to verify this time: it was checked when the ticket’s session began, and the ticket cannot outlive its lifetime.',
    why: 'Security: resumption trusts the earlier check, which is why tickets expire (here after 5 minutes) and each is used once.',
    message: internal('resumed with PSK', `TLS 1.3 session resumed with PSK (psk_dhe_ke), ${SUITE}`),
  });
  const finished = b.now();
  b.hop('browser', edge, 'request', {
    id: 'tls-client-finished',
    phase: 'tls',
    title: 'Finished (client)',
    narration:
      'The browser sends its Finished. One round trip after the TCP handshake, as in a full handshake (resumption without early data saves bytes and work, not the round trip), but with less to send and nothing to verify.',
    message: tlsMessage('Finished', [['verify_data', rng.hex(32)]], 'Finished (client)'),
    changes: [
      { node: 'browser', key: 'TLS', value: `TLS 1.3 (resumed), ${SUITE.split(' ')[0]}, http/1.1` },
      { node: edge, key: 'TLS', value: `TLS 1.3 session with ${url.host} client (resumed from a ticket)` },
    ],
  });
  b.rewind(finished);
}

/**
 * The server's NewSessionTicket after a resumed handshake (nginx sends one, two after a full handshake):
 * it leaves when the client's Finished arrives, while the request that followed the Finished is being
 * served. Call it right after the request's hop; the clock stays where it was.
 */
export function resumedTicket(ctx: EngineContext): void {
  const { b, url, edge } = ctx;
  const at = b.now();
  const held = ctx.scenario.start.tlsTickets ?? 0;
  b.hop(
    edge,
    'browser',
    'response',
    {
      id: 'tls-new-session-ticket',
      phase: 'tls',
      title: 'NewSessionTicket',
      narration: `With the handshake done, nginx sends a fresh ticket for next time (after a full handshake it sends ${SESSION_TICKET.afterFull}, so a browser can open two connections with them; after a resumed one, ${SESSION_TICKET.afterResumed}). It is a post-handshake message inside the encrypted connection: a lifetime (${SESSION_TICKET.lifetimeS} s, nginx’s ssl_session_timeout), an age_add to disguise the ticket’s age, a nonce, and the ticket itself, the session sealed with a key only the server knows: nginx keeps no state per session.`,
      why: 'Scalability: the server remembers nothing per client; the client carries its own session, sealed.',
      message: tlsMessage('NewSessionTicket', newSessionTicket(ctx, 0)),
      changes: [{ node: 'browser', key: 'TLS tickets', value: `${held} unused for ${url.host}` }],
    },
    { startMs: at },
  );
  b.rewind(at);
}
