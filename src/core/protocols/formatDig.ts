import type { DnsMessage, DnsRecord } from '../model/messages.ts';

const flagsOf = (m: DnsMessage): string =>
  [m.kind === 'response' && 'qr', m.aa && 'aa', m.rd && 'rd', m.ra && 'ra'].filter(Boolean).join(' ');

const record = (r: DnsRecord): string =>
  `${`${r.name} `.padEnd(24)}${String(r.ttl).padEnd(8)}IN\t${r.type}\t${r.data}`;

const section = (title: string, records: readonly DnsRecord[]): string[] =>
  records.length === 0 ? [] : ['', `;; ${title} SECTION:`, ...records.map(record)];

/**
 * Prints a DNS message the way `dig` (BIND 9.18) does: header, flags, the OPT pseudosection of an EDNS
 * message, and each non-empty section.
 */
export function formatDig(m: DnsMessage): string {
  return [
    `;; ->>HEADER<<- opcode: QUERY, status: ${m.rcode}, id: ${m.id}`,
    `;; flags: ${flagsOf(m)}; QUERY: 1, ANSWER: ${m.answers.length}, AUTHORITY: ${m.authorities.length}, ADDITIONAL: ${m.additionals.length + (m.edns === null ? 0 : 1)}`,
    '',
    ...(m.edns === null ? [] : [';; OPT PSEUDOSECTION:', `; EDNS: version: 0, flags:; udp: ${m.edns}`]),
    ';; QUESTION SECTION:',
    `;${m.question.name.padEnd(23)}\t\tIN\t${m.question.type}`,
    ...section('ANSWER', m.answers),
    ...section('AUTHORITY', m.authorities),
    ...section('ADDITIONAL', m.additionals),
    '',
    `;; SERVER: ${m.server}#53(${m.server}) (UDP)`,
  ].join('\n');
}
