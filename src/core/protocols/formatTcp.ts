import type { TcpSegment } from '../model/messages.ts';

const FLAG_LETTER: Readonly<Record<string, string>> = { SYN: 'S', FIN: 'F', RST: 'R', PSH: 'P', ACK: '.' };

/**
 * The options as Linux orders them and tcpdump prints them: a SYN's MSS, SACK permitted, timestamps, a NOP
 * and the window scale (tcp_options_write: SACK_PERM shares a 32-bit word with TS, a NOP pads the scale);
 * later segments' timestamps after two NOPs. Checked against a real Linux handshake in tests/truth/tcp.test.ts.
 */
function options(s: TcpSegment): string[] {
  if (!s.timestamps) return [];
  const ts = `TS val ${s.timestamps.val} ecr ${s.timestamps.ecr}`;
  return [
    s.flags.includes('SYN') ? `options [mss 1460,sackOK,${ts},nop,wscale 7]` : `options [nop,nop,${ts}]`,
  ];
}

/**
 * Prints a TCP segment the way `tcpdump -S -n` does, with absolute sequence numbers: the sequence number
 * only for a segment that carries data, SYN, FIN or RST (print-tcp.c), so not for a bare ACK.
 */
export function formatTcp(s: TcpSegment): string {
  const flags = s.flags.map((f) => FLAG_LETTER[f] ?? '').join('');
  const seq = s.length > 0 || s.flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST');
  const parts = [
    `IP ${s.src}.${s.srcPort} > ${s.dst}.${s.dstPort}: Flags [${flags}]`,
    ...(seq ? [`seq ${s.seq}`] : []),
    ...(s.ack === null ? [] : [`ack ${s.ack}`]),
    `win ${s.window}`,
    ...options(s),
    `length ${s.length}`,
  ];
  return parts.join(', ');
}
