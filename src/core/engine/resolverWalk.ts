import type { ResolverCache } from '../model/scenario.ts';
import { ADDRESS, COST_MS, DNS } from '../world/world.ts';
import type { DnsMessage } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { RESOLVER_EDNS, dnsMessage, dnsQuery, dnsResponse } from './dnsMessages.ts';
import { isWithin, nameServerReply, negativeSoa } from './nameServerReply.ts';
import type { NameServer, NameServerReply } from './nameServerReply.ts';

export const WHY_CACHE =
  'Performance: caching at every level is why most lookups take a millisecond, not a hundred.';

/** Where the resolver starts: the closest zone it already knows the servers of. */
function firstServer(cache: ResolverCache, fqdn: string): NameServer {
  if (cache === 'answer' && isWithin(fqdn, DNS.shopZone)) return 'auth';
  if (cache !== 'cold' && isWithin(fqdn, DNS.tld)) return 'tld';
  return 'root';
}

const QUERY_ID: Readonly<Record<NameServer, string>> = {
  root: 'dns-query-root',
  tld: 'dns-query-tld',
  auth: 'dns-query-authoritative',
};

const REPLY_ID: Readonly<Record<NameServer, Readonly<Record<NameServerReply['kind'], string>>>> = {
  root: { referral: 'dns-root-referral', answer: 'dns-root-answer', nxdomain: 'dns-root-nxdomain' },
  tld: { referral: 'dns-tld-referral', answer: 'dns-tld-answer', nxdomain: 'dns-tld-nxdomain' },
  auth: {
    referral: 'dns-authoritative-referral',
    answer: 'dns-authoritative-answer',
    nxdomain: 'dns-authoritative-nxdomain',
  },
};

/** Why the resolver asks `server` about `host`, given where it started. */
function queryNarration(ctx: EngineContext, server: NameServer, first: boolean): string {
  const host = ctx.url.host;
  const cold = ctx.scenario.start.resolverCache === 'cold';
  switch (server) {
    case 'root':
      return cold
        ? `The resolver's cache is empty, so it starts at the top: it asks a root server (${ADDRESS.root}) for ${host}, without recursion.`
        : `The resolver knows the servers for ${DNS.tld}, but ${host} is not under it, so it starts at the top: it asks a root server (${ADDRESS.root}), without recursion.`;
    case 'tld':
      return first
        ? `The resolver still has the ${DNS.tld} servers in its cache, so it skips the root and asks ${DNS.tldServer} (${ADDRESS.tld}) for ${host}.`
        : `The resolver asks ${DNS.tldServer} (${ADDRESS.tld}) for ${host}.`;
    case 'auth':
      return first
        ? `The resolver still has ${DNS.authServer} in its cache as the server for ${DNS.shopZone}, so it asks it (${ADDRESS.auth}) for ${host} directly.`
        : `The resolver asks ${DNS.authServer} (${ADDRESS.auth}), the server that holds the shop's zone.`;
  }
}

/**
 * Where the walk ended, and, when it reached the shop's server, that server's answer to the AAAA query the
 * resolver sent beside the A query (NODATA or NXDOMAIN).
 */
export type Resolved = Extract<NameServerReply, { kind: 'answer' | 'nxdomain' }> & {
  readonly aaaa: DnsMessage | null;
};

/** Between two packets of one flight. */
export const FLIGHT_GAP_MS = 0.004;

const ZONE_OF: Readonly<Record<NameServer, string>> = { root: '.', tld: DNS.tld, auth: DNS.shopZone };

/**
 * The name the resolver asks `server` about (RFC 9156 query name minimisation): one label more than the
 * server's zone, so the root hears only "example." and never the full name it does not need.
 */
export function minimisedName(fqdn: string, server: NameServer): string {
  const zone = ZONE_OF[server];
  const labels = fqdn.replace(/\.$/, '').split('.');
  const depth = zone === '.' ? 1 : zone.replace(/\.$/, '').split('.').length + 1;
  return `${labels.slice(-Math.min(depth, labels.length)).join('.')}.`;
}

/**
 * The resolver's iterative walk for `fqdn`'s A record, down from the closest zone it knows to the answer or
 * NXDOMAIN, asking each server with query name minimisation and EDNS(0) with the DO bit, as Unbound does.
 */
export function iterate(ctx: EngineContext, fqdn: string): Resolved {
  const { b, rng, scenario } = ctx;
  const host = ctx.url.host;
  let server = firstServer(scenario.start.resolverCache, fqdn);
  for (let hops = 0; ; hops++) {
    const qname = minimisedName(fqdn, server);
    const q = dnsQuery(rng.int(1, 65535), qname, ADDRESS[server], { recursive: false, edns: RESOLVER_EDNS });
    b.hop('resolver', server, 'request', {
      id: QUERY_ID[server],
      phase: 'dns',
      title:
        server === 'root'
          ? 'Ask a root server'
          : server === 'tld'
            ? 'Ask the .example server'
            : 'Ask the authoritative server',
      narration: `${queryNarration(ctx, server, hops === 0)}${qname === fqdn ? '' : ` It asks only about ${qname}, with QTYPE A whatever it is really after: query name minimisation (RFC 9156) as Unbound does it, so each server learns no more of the name, nor the type, than it needs.`} The query carries an EDNS(0) OPT record: the resolver takes UDP answers up to ${RESOLVER_EDNS.udp} bytes and sets DO, asking for DNSSEC signatures, which it validates.`,
      message: dnsMessage(q),
    });
    const asked = b.build().at(-1)?.startMs ?? b.now();
    const qAAAA = server === 'auth' ? askAAAA(ctx, fqdn, asked + FLIGHT_GAP_MS) : null;
    const reply = nameServerReply(server, qname, scenario.topology.cdn);
    const id = REPLY_ID[server][reply.kind];
    if (reply.kind === 'referral') {
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title:
          server === 'root' ? 'Root: ask the .example servers' : `TLD: ask ${reply.ns.replace(/\.$/, '')}`,
        narration:
          server === 'root'
            ? `The root does not know ${host}, but it knows who runs ${reply.zone}: it refers the resolver to ${reply.ns} and includes its address (a "glue" record). The real root zone is signed, so with DO set its referral also carries signatures (RRSIG) and an NSEC record proving ${reply.zone} has no DS record, an unsigned delegation; they are left out here.`
            : `The ${DNS.tld} server refers the resolver to the shop's own name server, ${reply.ns}, with its address as glue.`,
        ...(server === 'root'
          ? { why: 'Scalability: no server knows every name; each level only delegates to the next.' }
          : {}),
        message: dnsMessage(
          dnsResponse(q, {
            authorities: [{ name: reply.zone, type: 'NS', ttl: DNS.referralTtl, data: reply.ns }],
            additionals: [{ name: reply.ns, type: 'A', ttl: DNS.referralTtl, data: reply.nsAddress }],
          }),
        ),
        changes: [
          { node: 'resolver', key: `cache: ${reply.zone} NS`, value: `${reply.ns} (${reply.nsAddress})` },
        ],
      });
      server = reply.next;
      continue;
    }
    if (reply.kind === 'answer') {
      const { record } = reply;
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title: `Answer: A ${record.data}`,
        narration: `The authoritative server answers with the "aa" flag: ${fqdn} has address ${record.data}, valid for ${record.ttl} seconds. The resolver caches it.`,
        why: WHY_CACHE,
        message: dnsMessage(dnsResponse(q, { aa: true, answers: [record] })),
        changes: [{ node: 'resolver', key: `cache: ${fqdn} A`, value: `${record.data} (TTL ${record.ttl})` }],
      });
    } else {
      const { soa, zone } = reply;
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title: server === 'root' ? 'NXDOMAIN: no such top-level domain' : 'NXDOMAIN: no such name',
        narration:
          server === 'root'
            ? `The root zone has no top-level domain ${fqdn.split('.').at(-2) ?? ''}., so the root server answers authoritatively: NXDOMAIN, the name does not exist. The root's SOA record says how long to remember that: ${soa.ttl} seconds. (The root zone is signed: with DO set the real answer also carries NSEC records proving the absence, and their signatures; left out here.)`
            : `The ${zone} zone ${server === 'tld' ? 'delegates' : 'has'} no ${fqdn}, so its server answers authoritatively: NXDOMAIN, the name does not exist. The zone's SOA record says how long to remember that: ${soa.ttl} seconds.`,
        why: 'A typo in a host name fails here, before any connection: no server of yours ever sees the request.',
        message: dnsMessage(dnsResponse(q, { aa: true, rcode: 'NXDOMAIN', authorities: [soa] })),
        changes: [{ node: 'resolver', key: `cache: ${fqdn} A`, value: `NXDOMAIN (TTL ${soa.ttl})` }],
      });
    }
    const aaaa = qAAAA
      ? answerAAAA(qAAAA, reply, (b.build().at(-1)?.startMs ?? b.now()) + FLIGHT_GAP_MS, ctx)
      : null;
    b.wait(COST_MS.resolverWork);
    return { ...reply, aaaa };
  }
}

/** The resolver's AAAA query to the shop's server, in the same flight as its A query. */
function askAAAA(ctx: EngineContext, fqdn: string, startMs: number): DnsMessage {
  const q = dnsQuery(ctx.rng.int(1, 65535), fqdn, ADDRESS.auth, {
    recursive: false,
    edns: RESOLVER_EDNS,
    type: 'AAAA',
  });
  ctx.b.hop(
    'resolver',
    'auth',
    'request',
    {
      id: 'dns-query-authoritative-aaaa',
      phase: 'dns',
      title: 'Ask the authoritative server: AAAA',
      narration: `Beside it goes the AAAA query for ${fqdn}: the resolver works on the stub's two queries side by side, and both walks share the referrals down to ${DNS.authServer}.`,
      message: dnsMessage(q),
    },
    { startMs },
  );
  return q;
}

/** The shop's server's answer to the AAAA query: NODATA where the name exists without an AAAA, else NXDOMAIN. */
function answerAAAA(q: DnsMessage, reply: NameServerReply, startMs: number, ctx: EngineContext): DnsMessage {
  const fqdn = q.question.name;
  const nodata = reply.kind === 'answer';
  const soa = reply.kind === 'nxdomain' ? reply.soa : negativeSoa(DNS.shopZone);
  const answer = dnsResponse(q, { aa: true, rcode: nodata ? 'NOERROR' : 'NXDOMAIN', authorities: [soa] });
  ctx.b.hop(
    'auth',
    'resolver',
    'response',
    {
      id: nodata ? 'dns-authoritative-nodata' : 'dns-authoritative-aaaa-nxdomain',
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
