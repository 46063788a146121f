import type { TlsMessage } from '../model/messages.ts';

/** Prints a TLS handshake message as an indented outline, like Wireshark's packet details. */
export function formatTls(m: TlsMessage): string {
  return [`Handshake: ${m.type}`, ...m.fields.map(([name, value]) => `    ${name}: ${value}`)].join('\n');
}
