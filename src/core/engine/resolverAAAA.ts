import type { DnsMessage } from '../model/messages.ts';
import { ADDRESS, DNS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { RESOLVER_EDNS, dnsMessage, dnsQuery, dnsResponse } from './dnsMessages.ts';
import { negativeSoa } from './nameServerReply.ts';
import type { NameServer, NameServerReply } from './nameServerReply.ts';

/** The servers that hold names (and so get the AAAA query too): the shop's and the CDN's. */
export type HoldingServer = Extract<NameServer, 'auth' | 'cdn-dns'>;

/** Step ids' word for each holding server, and the zone whose SOA its negative answers carry. */
const HOLDER: Readonly<Record<HoldingServer, { readonly word: string; readonly zone: string }>> = {
  auth: { word: 'authoritative', zone: DNS.shopZone },
  'cdn-dns': { word: 'cdn', zone: DNS.cdnZone },
};

/** The resolver's AAAA query to the server that holds `fqdn`, in the same flight as its A query. */
export function askAAAA(
  ctx: EngineContext,
  fqdn: string,
  server: HoldingServer,
  startMs: number,
): DnsMessage {
  const q = dnsQuery(ctx.rng.int(1, 65535), fqdn, ADDRESS[server], {
    recursive: false,
    edns: RESOLVER_EDNS,
    type: 'AAAA',
  });
  ctx.b.hop(
    'resolver',
    server,
    'request',
    {
      id: `dns-query-${HOLDER[server].word}-aaaa`,
      phase: 'dns',
      title: `Ask ${server === 'auth' ? 'the authoritative server' : 'the CDN’s name server'}: AAAA`,
      narration:
        server === 'auth'
          ? `Beside it goes the AAAA query for ${fqdn}: the resolver works on the stub's two queries side by side, and both walks share the referrals down to ${DNS.authServer}.`
          : `Beside it, the AAAA query for ${fqdn}: the alias stands for every record type, so the resolver follows it for the stub's AAAA query too.`,
      message: dnsMessage(q),
    },
    { startMs },
  );
  return q;
}

/**
 * The holding server's answer to the AAAA query: the same CNAME where the name is an alias, NODATA where it
 * exists without an AAAA, else NXDOMAIN.
 */
export function answerAAAA(
  ctx: EngineContext,
  q: DnsMessage,
  reply: Exclude<NameServerReply, { kind: 'referral' }>,
  server: HoldingServer,
  startMs: number,
): DnsMessage {
  const fqdn = q.question.name;
  const word = HOLDER[server].word;
  if (reply.kind === 'alias') {
    const answer = dnsResponse(q, { aa: true, answers: [reply.record] });
    ctx.b.hop(
      server,
      'resolver',
      'response',
      {
        id: `dns-${word}-aaaa-cname`,
        phase: 'dns',
        title: 'AAAA: the same alias',
        narration: `For AAAA the answer is the same CNAME, and no SOA: a name that is an alias has no other records of its own (RFC 1034 §3.6.2), so the resolver follows it to ${reply.record.data} for this query too.`,
        message: dnsMessage(answer),
      },
      { startMs },
    );
    return answer;
  }
  const nodata = reply.kind === 'answer';
  const soa = reply.kind === 'nxdomain' ? reply.soa : negativeSoa(HOLDER[server].zone);
  const answer = dnsResponse(q, { aa: true, rcode: nodata ? 'NOERROR' : 'NXDOMAIN', authorities: [soa] });
  ctx.b.hop(
    server,
    'resolver',
    'response',
    {
      id: nodata ? `dns-${word}-nodata` : `dns-${word}-aaaa-nxdomain`,
      phase: 'dns',
      title: nodata ? 'AAAA: no data' : 'AAAA: NXDOMAIN',
      narration: nodata
        ? `The name exists but has no AAAA record, so the server answers NOERROR with an empty answer section: "NODATA". The zone's SOA in the authority section says how long to remember that: ${soa.ttl} seconds (RFC 2308).`
        : `No such name for AAAA either: NXDOMAIN, with the same SOA.`,
      message: dnsMessage(answer),
      changes: [
        {
          node: 'resolver',
          key: `cache: ${fqdn} AAAA`,
          value: `${nodata ? 'NODATA' : 'NXDOMAIN'} (TTL ${soa.ttl})`,
        },
      ],
    },
    { startMs },
  );
  return answer;
}
