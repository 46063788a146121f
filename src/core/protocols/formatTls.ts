import type { TlsMessage } from '../model/messages.ts';

/**
 * Prints a TLS message as an indented outline, like Wireshark's packet details: a handshake message under
 * "Handshake:", an alert under "Alert:" (its own record content type, 21, not a handshake message; RFC 8446 §6).
 */
export function formatTls(m: TlsMessage): string {
  const kind = m.type === 'Alert' ? 'Alert' : `Handshake: ${m.type}`;
  return [kind, ...m.fields.map(([name, value]) => `    ${name}: ${value}`)].join('\n');
}
