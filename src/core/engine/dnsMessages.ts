import type { DnsMessage, DnsRecord } from '../model/messages.ts';
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
 * The UDP payload size resolvers and name servers advertise in EDNS(0) (the DNS Flag Day 2020 value that
 * BIND, Unbound and Knot Resolver default to).
 */
export const EDNS_UDP_SIZE = 1232;

/**
 * A query for `name`'s A record to `server`; `recursive` sets RD (a stub asking a resolver); `edns` adds an
 * OPT record advertising that UDP payload size.
 */
export function dnsQuery(
  id: number,
  name: string,
  server: string,
  recursive: boolean,
  edns: number | null = null,
): DnsMessage {
  return { ...base, id, kind: 'query', rd: recursive, question: { name, type: 'A' }, server, edns };
}

/** The response to `query`, with the given sections. */
export function dnsResponse(
  query: DnsMessage,
  sections: Partial<Pick<DnsMessage, 'aa' | 'ra' | 'rcode' | 'answers' | 'authorities' | 'additionals'>>,
): DnsMessage {
  return {
    ...base,
    // a server that understands EDNS answers an EDNS query with an OPT record of its own (RFC 6891 §7)
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
  if (m.kind === 'query') return `DNS query A ${m.question.name.replace(/\.$/, '')}`;
  if (m.rcode === 'NXDOMAIN') return 'NXDOMAIN';
  const answer = m.answers[0];
  if (answer) return `A ${answer.data}`;
  const ns = m.authorities.find((r: DnsRecord) => r.type === 'NS');
  return ns ? `Referral → ${ns.data.replace(/\.$/, '')}` : 'DNS response';
};

/** Wraps a DNS message for a step: dig-style text and a short label. */
export const dnsMessage = (dns: DnsMessage): Message => ({
  protocol: 'dns',
  summary: describe(dns),
  text: formatDig(dns),
  dns,
});
