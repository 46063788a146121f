import type { TcpSegment } from '../model/messages.ts';

const FLAG_LETTER: Readonly<Record<string, string>> = { SYN: 'S', FIN: 'F', RST: 'R', PSH: 'P', ACK: '.' };

/** Prints a TCP segment the way `tcpdump -S -n` does, with absolute sequence numbers. */
export function formatTcp(s: TcpSegment): string {
  const flags = s.flags.map((f) => FLAG_LETTER[f] ?? '').join('');
  const syn = s.flags.includes('SYN');
  const parts = [
    `IP ${s.src}.${s.srcPort} > ${s.dst}.${s.dstPort}: Flags [${flags}]`,
    `seq ${s.seq}`,
    ...(s.ack === null ? [] : [`ack ${s.ack}`]),
    `win ${s.window}`,
    ...(syn ? ['options [mss 1460,sackOK,nop,wscale 7]'] : []),
    `length ${s.length}`,
  ];
  return parts.join(', ');
}
