import type { Header, Message } from '../model/messages.ts';
import { formatTls } from './formatTls.ts';

/** A TLS handshake message (or record) as a step carries it: its fields in wire order and their outline. */
export const tlsMessage = (type: string, fields: readonly Header[], summary = type): Message => ({
  protocol: 'tls',
  summary,
  text: formatTls({ type, fields }),
  tls: { type, fields },
});
