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

/**
 * A sender's TS val for a connection whose initial sequence number is `isn`: Linux's millisecond clock plus
 * a random per-connection offset (secure_tcp_ts_off since 4.10), so any 32-bit number; derived from the ISN
 * so that it needs no draw of its own.
 */
export const tsClock = (isn: number): number => Math.imul(isn ^ 0x5bd1e995, 0x9e3779b1) >>> 0;

/**
 * A segment between two addresses, for handshakes and the database-down retries. A SYN carries the
 * timestamps option (TS val from its ISN, ecr 0) unless given others; a RST carries none.
 */
export function segment(
  from: readonly [string, number],
  to: readonly [string, number],
  flags: readonly TcpFlag[],
  seq: number,
  ack: number | null,
  window = 64240,
  timestamps: TcpSegment['timestamps'] = flags.includes('SYN') ? { val: tsClock(seq), ecr: 0 } : null,
): TcpSegment {
  return {
    src: from[0],
    srcPort: from[1],
    dst: to[0],
    dstPort: to[1],
    flags,
    seq,
    ack,
    window,
    length: 0,
    timestamps,
  };
}
