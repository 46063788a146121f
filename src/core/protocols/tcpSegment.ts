import type { Message, TcpFlag, TcpSegment } from '../model/messages.ts';
import { formatTcp } from './formatTcp.ts';

/** A TCP segment as a step's message: its header fields and a one-line label ("SYN-ACK", "ACK"). */
export const tcpMessage = (tcp: TcpSegment): Message => ({
  protocol: 'tcp',
  summary:
    tcp.flags.length === 1 && tcp.flags[0] === 'ACK'
      ? 'ACK'
      : tcp.flags.filter((f) => f !== 'ACK' || tcp.flags.includes('SYN')).join('-'),
  text: formatTcp(tcp),
  tcp,
});

/** A segment between two addresses, for handshakes and the database-down retries. */
export function segment(
  from: readonly [string, number],
  to: readonly [string, number],
  flags: readonly TcpFlag[],
  seq: number,
  ack: number | null,
  window = 64240,
): TcpSegment {
  return { src: from[0], srcPort: from[1], dst: to[0], dstPort: to[1], flags, seq, ack, window, length: 0 };
}
