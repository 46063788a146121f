import type { DnsMessage } from '../model/messages.ts';
import type { ResolverCache } from '../model/scenario.ts';
import { ADDRESS, COST_MS, DNS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { EDNS_UDP_SIZE, dnsMessage, dnsQuery, dnsResponse } from './dnsMessages.ts';
import { isWithin, nameServerReply } from './nameServerReply.ts';
import type { NameServer, NameServerReply } from './nameServerReply.ts';

const WHY_CACHE =
  'Performance: caching at every level is why most lookups take a millisecond, not a hundred.';

/**
 * Resolves the request's host name as a stub, a recursive resolver and the name servers really do:
 * iteratively, following referrals, caching what they learn. Returns the address, or null for NXDOMAIN.
 */
export function resolveDns(ctx: EngineContext): string | null {
  const { b, rng, scenario } = ctx;
  const host = ctx.url.host;
  const fqdn = `${host}.`;
  const zone = DNS.zone[fqdn];
  const known = zone ? (scenario.topology.cdn ? zone.cdn : zone.origin) : null;
  if (scenario.start.browserDns && known) return known;

  b.hop('browser', 'stub', 'request', {
    id: 'dns-getaddrinfo',
    phase: 'dns',
    title: 'Ask the local stub resolver',
    narration: `Chrome on Linux resolves names with its own DNS client, not getaddrinfo: it reads the name server from /etc/resolv.conf, here systemd-resolved's stub at ${ADDRESS.stub}, and asks it for ${host}'s IPv4 (A) and IPv6 (AAAA) addresses in two queries at once. The journey follows the A query; the AAAA answer comes back NODATA (the name exists, with no IPv6 address), carrying the zone's SOA. The stub has nothing cached either.`,
    message: internal(
      `DNS A + AAAA ${host}`,
      `Chrome's DNS client → ${ADDRESS.stub}:53 (nameserver in /etc/resolv.conf): ${host} A; ${host} AAAA`,
    ),
  });

  const toResolver = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.resolver, true);
  b.hop('stub', 'resolver', 'request', {
    id: 'dns-query-resolver',
    phase: 'dns',
    title: 'Query the recursive resolver',
    narration: `The stub sends one UDP packet to port 53 of the recursive resolver at ${ADDRESS.resolver}, with "recursion desired" set: find the answer for me.`,
    why: 'Security: classic DNS travels unencrypted, so anyone on the path can see which names you look up.',
    message: dnsMessage(toResolver),
  });

  let answer: DnsMessage;
  let address: string | null;
  if (scenario.start.resolverCache === 'answer' && known) {
    address = known;
    b.wait(COST_MS.cacheLookup);
    answer = dnsResponse(toResolver, {
      ra: true,
      answers: [{ name: fqdn, type: 'A', ttl: DNS.answerTtl - 120, data: known }],
    });
    b.hop('resolver', 'stub', 'response', {
      id: 'dns-answer-cached',
      phase: 'dns',
      title: 'Answer from the resolver’s cache',
      narration: `The resolver looked up ${fqdn} two minutes ago for someone else, so it answers from its cache; the TTL has counted down from ${DNS.answerTtl} to ${DNS.answerTtl - 120} seconds.`,
      why: WHY_CACHE,
      message: dnsMessage(answer),
    });
  } else {
    const result = iterate(ctx, fqdn);
    address = result.kind === 'answer' ? result.record.data : null;
    answer =
      result.kind === 'answer'
        ? dnsResponse(toResolver, { ra: true, answers: [result.record] })
        : dnsResponse(toResolver, { ra: true, rcode: 'NXDOMAIN', authorities: [result.soa] });
    b.hop('resolver', 'stub', 'response', {
      id: address ? 'dns-answer' : 'dns-answer-nxdomain',
      phase: 'dns',
      title: address ? 'Answer the stub' : 'Tell the stub: no such name',
      narration:
        result.kind === 'answer'
          ? `The resolver sends the address back to the stub with "recursion available" set. It will reuse it for ${result.record.ttl} seconds.`
          : `The resolver passes the NXDOMAIN on to the stub, with the SOA that proves it, and remembers it for ${result.soa.ttl} seconds, so repeated typos cost nothing.`,
      message: dnsMessage(answer),
    });
  }

  b.hop('stub', 'browser', 'response', {
    id: address ? 'dns-result' : 'dns-result-nxdomain',
    phase: 'dns',
    title: address ? `${host} is ${address}` : `${host} does not exist`,
    narration: address
      ? `The stub answers Chrome's queries: A ${address}, and no AAAA. Chrome and the stub cache it; the browser can now open a connection.`
      : `The stub answers both queries NXDOMAIN. Chrome has no address, so there is nothing to connect to: the request fails with net::ERR_NAME_NOT_RESOLVED.`,
    message: internal(
      address ? `→ ${address}` : 'NXDOMAIN',
      address
        ? `${host} A ${address}; AAAA: NODATA`
        : `${host} A: NXDOMAIN; AAAA: NXDOMAIN → net::ERR_NAME_NOT_RESOLVED`,
    ),
    changes: address
      ? [
          { node: 'browser', key: 'DNS cache', value: `${host} → ${address}` },
          { node: 'stub', key: 'cache', value: `${host} → ${address}` },
        ]
      : [],
  });
  return address;
}

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

type Resolved = Extract<NameServerReply, { kind: 'answer' | 'nxdomain' }>;

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

/** The resolver's iterative walk down from the closest zone it knows to the answer or NXDOMAIN. */
function iterate(ctx: EngineContext, fqdn: string): Resolved {
  const { b, rng, scenario } = ctx;
  const host = ctx.url.host;
  let server = firstServer(scenario.start.resolverCache, fqdn);
  for (let hops = 0; ; hops++) {
    const qname = minimisedName(fqdn, server);
    const q = dnsQuery(rng.int(1, 65535), qname, ADDRESS[server], false, EDNS_UDP_SIZE);
    b.hop('resolver', server, 'request', {
      id: QUERY_ID[server],
      phase: 'dns',
      title:
        server === 'root'
          ? 'Ask a root server'
          : server === 'tld'
            ? 'Ask the .example server'
            : 'Ask the authoritative server',
      narration: `${queryNarration(ctx, server, hops === 0)}${qname === fqdn ? '' : ` It asks only about ${qname}: query name minimisation (RFC 9156) tells each server no more of the name than it needs.`} The query carries an EDNS(0) OPT record: the resolver can take UDP answers up to ${EDNS_UDP_SIZE} bytes.`,
      message: dnsMessage(q),
    });
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
            ? `The root does not know ${host}, but it knows who runs ${reply.zone}: it refers the resolver to ${reply.ns} and includes its address (a "glue" record).`
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
            ? `The root zone has no top-level domain ${fqdn.split('.').at(-2) ?? ''}., so the root server answers authoritatively: NXDOMAIN, the name does not exist. The root's SOA record says how long to remember that: ${soa.ttl} seconds.`
            : `The ${zone} zone ${server === 'tld' ? 'delegates' : 'has'} no ${fqdn}, so its server answers authoritatively: NXDOMAIN, the name does not exist. The zone's SOA record says how long to remember that: ${soa.ttl} seconds.`,
        why: 'A typo in a host name fails here, before any connection: no server of yours ever sees the request.',
        message: dnsMessage(dnsResponse(q, { aa: true, rcode: 'NXDOMAIN', authorities: [soa] })),
        changes: [{ node: 'resolver', key: `cache: ${fqdn} A`, value: `NXDOMAIN (TTL ${soa.ttl})` }],
      });
    }
    b.wait(COST_MS.resolverWork);
    return reply;
  }
}
