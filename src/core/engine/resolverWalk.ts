import type { ResolverCache } from '../model/scenario.ts';
import { ADDRESS, COST_MS, DNS } from '../world/world.ts';
import type { DnsMessage, DnsRecord } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { RESOLVER_EDNS, dnsMessage, dnsQuery, dnsResponse } from './dnsMessages.ts';
import { isWithin, nameServerReply } from './nameServerReply.ts';
import type { NameServer, NameServerReply } from './nameServerReply.ts';
import { answerAAAA, askAAAA } from './resolverAAAA.ts';

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
  'cdn-dns': 'dns-query-cdn',
};

const REPLY_ID: Readonly<Record<NameServer, Readonly<Record<NameServerReply['kind'], string>>>> = {
  root: {
    referral: 'dns-root-referral',
    answer: 'dns-root-answer',
    alias: 'dns-root-cname',
    nxdomain: 'dns-root-nxdomain',
  },
  tld: {
    referral: 'dns-tld-referral',
    answer: 'dns-tld-answer',
    alias: 'dns-tld-cname',
    nxdomain: 'dns-tld-nxdomain',
  },
  auth: {
    referral: 'dns-authoritative-referral',
    answer: 'dns-authoritative-answer',
    alias: 'dns-authoritative-cname',
    nxdomain: 'dns-authoritative-nxdomain',
  },
  'cdn-dns': {
    referral: 'dns-cdn-referral',
    answer: 'dns-cdn-answer',
    alias: 'dns-cdn-cname',
    nxdomain: 'dns-cdn-nxdomain',
  },
};

/** Why the resolver asks `server` about `name`, given where it started and whether it follows an alias. */
function queryNarration(
  ctx: EngineContext,
  server: NameServer,
  name: string,
  first: boolean,
  alias: boolean,
): string {
  const host = name.replace(/\.$/, '');
  const cold = ctx.scenario.start.resolverCache === 'cold';
  switch (server) {
    case 'root':
      return cold
        ? `The resolver's cache is empty, so it starts at the top: it asks a root server (${ADDRESS.root}) for ${host}, without recursion.`
        : `The resolver knows the servers for ${DNS.tld}, but ${host} is not under it, so it starts at the top: it asks a root server (${ADDRESS.root}), without recursion.`;
    case 'tld':
      return alias
        ? `The resolver follows the alias: a new name, looked up from the closest zone it knows. It has the ${DNS.tld} servers in its cache from a moment ago, so it asks ${DNS.tldServer} (${ADDRESS.tld}) for ${host}.`
        : first
          ? `The resolver still has the ${DNS.tld} servers in its cache, so it skips the root and asks ${DNS.tldServer} (${ADDRESS.tld}) for ${host}.`
          : `The resolver asks ${DNS.tldServer} (${ADDRESS.tld}) for ${host}.`;
    case 'auth':
      return first
        ? `The resolver still has ${DNS.authServer} in its cache as the server for ${DNS.shopZone}, so it asks it (${ADDRESS.auth}) for ${host} directly.`
        : `The resolver asks ${DNS.authServer} (${ADDRESS.auth}), the server that holds the shop's zone.`;
    case 'cdn-dns':
      return `The resolver asks ${DNS.cdnServer} (${ADDRESS['cdn-dns']}), the CDN's own name server, for ${host}.`;
  }
}

/**
 * Where the walk ended, and, when it reached the shop's server, that server's answer to the AAAA query the
 * resolver sent beside the A query (NODATA or NXDOMAIN).
 */
export type Resolved = Extract<NameServerReply, { kind: 'answer' | 'nxdomain' }> & {
  readonly aaaa: DnsMessage | null;
  /** The aliases followed on the way (CNAME records, in order): empty unless the name is behind the CDN. */
  readonly chain: readonly DnsRecord[];
};

/** Between two packets of one flight. */
export const FLIGHT_GAP_MS = 0.004;

const ZONE_OF: Readonly<Record<NameServer, string>> = {
  root: '.',
  tld: DNS.tld,
  auth: DNS.shopZone,
  'cdn-dns': DNS.cdnZone,
};

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
 * NXDOMAIN, asking each server with query name minimisation and EDNS(0) with the DO bit, as Unbound does. An
 * alias (CNAME) starts a new walk for its target from the closest zone the resolver knows (RFC 1034 §5.3.3).
 */
export function iterate(ctx: EngineContext, fqdn: string): Resolved {
  const { b, rng, scenario } = ctx;
  const chain: DnsRecord[] = [];
  let name = fqdn;
  let server = firstServer(scenario.start.resolverCache, fqdn);
  for (let hops = 0; ; hops++) {
    const qname = minimisedName(name, server);
    const following = chain.length > 0;
    // a server asked a second time, for the alias's target, gets steps of its own
    const again = following && (server === 'root' || server === 'tld') ? '-cdn' : '';
    const q = dnsQuery(rng.int(1, 65535), qname, ADDRESS[server], { recursive: false, edns: RESOLVER_EDNS });
    b.hop('resolver', server, 'request', {
      id: QUERY_ID[server] + again,
      phase: 'dns',
      title: TITLE[server],
      narration: `${queryNarration(ctx, server, name, hops === 0, following && server === 'tld')}${qname === name ? '' : ` It asks only about ${qname}, with QTYPE A whatever it is really after: query name minimisation (RFC 9156) as Unbound does it, so each server learns no more of the name, nor the type, than it needs.`}${following ? '' : ` The query carries an EDNS(0) OPT record: the resolver takes UDP answers up to ${RESOLVER_EDNS.udp} bytes and sets DO, asking for DNSSEC signatures, which it validates.`}`,
      message: dnsMessage(q),
    });
    const asked = b.build().at(-1)?.startMs ?? b.now();
    const holds = server === 'auth' || server === 'cdn-dns' ? server : null;
    const qAAAA = holds ? askAAAA(ctx, name, holds, asked + FLIGHT_GAP_MS) : null;
    const reply = nameServerReply(server, qname, scenario.topology.cdn);
    const id = REPLY_ID[server][reply.kind] + again;
    if (reply.kind === 'referral') {
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title:
          server === 'root' ? 'Root: ask the .example servers' : `TLD: ask ${reply.ns.replace(/\.$/, '')}`,
        narration:
          server === 'root'
            ? `The root does not know ${ctx.url.host}, but it knows who runs ${reply.zone}: it refers the resolver to ${reply.ns} and includes its address (a "glue" record). The real root zone is signed, so with DO set its referral also carries signatures (RRSIG) and an NSEC record proving ${reply.zone} has no DS record, an unsigned delegation; they are left out here.`
            : reply.next === 'cdn-dns'
              ? `The ${DNS.tld} server refers the resolver to the CDN's own name server, ${reply.ns}, with its address as glue: the CDN runs its zone itself.`
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
    const replied = (): number => (b.build().at(-1)?.startMs ?? b.now()) + FLIGHT_GAP_MS;
    if (reply.kind === 'alias') {
      const { record } = reply;
      const target = record.data.replace(/\.$/, '');
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title: `Answer: CNAME ${target}`,
        narration: `The shop's server answers with the "aa" flag, but not with an address: ${name.replace(/\.$/, '')} is an alias (CNAME) for ${target}, the CDN's name for the shop's static files, valid for ${record.ttl} seconds. That name is in the CDN's zone, not the shop's, so the server can say no more: the resolver must look the new name up itself. The shop gave the name to its CDN with this one record; which edge answers is now the CDN's decision.`,
        why: 'Scalability: an alias hands the name to the CDN without moving the shop’s zone; the CDN can change its edges’ addresses any time.',
        message: dnsMessage(dnsResponse(q, { aa: true, answers: [record] })),
        changes: [
          { node: 'resolver', key: `cache: ${name} CNAME`, value: `${record.data} (TTL ${record.ttl})` },
        ],
      });
      if (qAAAA && holds) answerAAAA(ctx, qAAAA, reply, holds, replied());
      chain.push(record);
      name = record.data;
      // the resolver now knows the .example servers, so the new name's walk starts there
      server = isWithin(name, DNS.tld) ? 'tld' : 'root';
      continue;
    }
    if (reply.kind === 'answer') {
      const { record } = reply;
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title: `Answer: A ${record.data}`,
        narration:
          server === 'cdn-dns'
            ? `The CDN's name server answers with the "aa" flag by GeoDNS: it looks at who is asking (the resolver at ${ADDRESS.resolver}; this one sends no EDNS Client Subnet, so the resolver's place stands for the user's) and picks the edge nearest to it: ${record.data}. A resolver on another continent would get another edge's address for the same name. Its TTL, ${record.ttl} seconds, is far shorter than the alias's: the CDN can move users to another edge within minutes when one is busy or down.`
            : `The authoritative server answers with the "aa" flag: ${name} has address ${record.data}, valid for ${record.ttl} seconds. The resolver caches it.`,
        why:
          server === 'cdn-dns'
            ? 'Performance: the name server, not the network, sends each user to a nearby edge.'
            : WHY_CACHE,
        message: dnsMessage(dnsResponse(q, { aa: true, answers: [record] })),
        changes: [{ node: 'resolver', key: `cache: ${name} A`, value: `${record.data} (TTL ${record.ttl})` }],
      });
    } else {
      const { soa, zone } = reply;
      b.hop(server, 'resolver', 'response', {
        id,
        phase: 'dns',
        title: server === 'root' ? 'NXDOMAIN: no such top-level domain' : 'NXDOMAIN: no such name',
        narration:
          server === 'root'
            ? `The root zone has no top-level domain ${name.split('.').at(-2) ?? ''}., so the root server answers authoritatively: NXDOMAIN, the name does not exist. The root's SOA record says how long to remember that: ${soa.ttl} seconds. (The root zone is signed: with DO set the real answer also carries NSEC records proving the absence, and their signatures; left out here.)`
            : `The ${zone} zone ${server === 'tld' ? 'delegates' : 'has'} no ${name}, so its server answers authoritatively: NXDOMAIN, the name does not exist. The zone's SOA record says how long to remember that: ${soa.ttl} seconds.`,
        why: 'A typo in a host name fails here, before any connection: no server of yours ever sees the request.',
        message: dnsMessage(dnsResponse(q, { aa: true, rcode: 'NXDOMAIN', authorities: [soa] })),
        changes: [{ node: 'resolver', key: `cache: ${name} A`, value: `NXDOMAIN (TTL ${soa.ttl})` }],
      });
    }
    const aaaa = qAAAA && holds ? answerAAAA(ctx, qAAAA, reply, holds, replied()) : null;
    b.wait(COST_MS.resolverWork);
    return { ...reply, aaaa, chain };
  }
}

const TITLE: Readonly<Record<NameServer, string>> = {
  root: 'Ask a root server',
  tld: 'Ask the .example server',
  auth: 'Ask the authoritative server',
  'cdn-dns': 'Ask the CDN’s name server',
};
