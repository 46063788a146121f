import type { DnsMessage, DnsRecord, DnsRecordType } from '../model/messages.ts';
import type { Message } from '../model/messages.ts';
import { formatDig } from '../protocols/formatDig.ts';

const base = {
  rd: false,
  ra: false,
  aa: false,
  rcode: 'NOERROR',
  answers: [],
  authorities: [],
  additionals: [],
  edns: null,
} as const;

/**
 * What a validating recursive resolver puts in its queries' OPT record: the DNS Flag Day 2020 UDP size that
 * BIND, Unbound and Knot Resolver default to, and the DO bit (a validating resolver asks for signatures;
 * Unbound and BIND validate by default with the root's trust anchor).
 */
export const RESOLVER_EDNS = { udp: 1232, do: true } as const;

/** How a query is sent: RD for a stub asking a resolver; an OPT record, or none (Chrome's own client sends none). */
export interface QueryOptions {
  readonly recursive: boolean;
  readonly edns: DnsMessage['edns'];
  readonly type?: DnsRecordType;
}

/** A query for `name`'s record (A unless `type` says otherwise) to `server`. */
export function dnsQuery(id: number, name: string, server: string, options: QueryOptions): DnsMessage {
  return {
    ...base,
    id,
    kind: 'query',
    rd: options.recursive,
    question: { name, type: options.type ?? 'A' },
    server,
    edns: options.edns,
  };
}

/** The response to `query`, with the given sections. */
export function dnsResponse(
  query: DnsMessage,
  sections: Partial<Pick<DnsMessage, 'aa' | 'ra' | 'rcode' | 'answers' | 'authorities' | 'additionals'>>,
): DnsMessage {
  return {
    ...base,
    // a server that understands EDNS answers an EDNS query with an OPT record of its own, and copies the DO
    // bit (RFC 6891 §7, RFC 3225 §3); its own UDP size is the same Flag Day value
    edns: query.edns,
    ...sections,
    id: query.id,
    kind: 'response',
    rd: query.rd,
    question: query.question,
    server: query.server,
  };
}

const describe = (m: DnsMessage): string => {
  const name = m.question.name.replace(/\.$/, '');
  if (m.kind === 'query') return `DNS query ${m.question.type} ${name}`;
  if (m.rcode === 'NXDOMAIN') return 'NXDOMAIN';
  const answer = m.answers.find((r) => r.type === m.question.type) ?? m.answers[0];
  if (answer) return `${answer.type} ${answer.data.replace(/\.$/, '')}`;
  const ns = m.authorities.find((r: DnsRecord) => r.type === 'NS');
  if (ns) return `Referral → ${ns.data.replace(/\.$/, '')}`;
  return m.authorities.some((r) => r.type === 'SOA') ? `${m.question.type}: no data (SOA)` : 'DNS response';
};

/** Wraps a DNS message for a step: dig-style text and a short label. */
export const dnsMessage = (dns: DnsMessage): Message => ({
  protocol: 'dns',
  summary: describe(dns),
  text: formatDig(dns),
  dns,
});
