import type { DnsMessage, DnsRecord } from '../model/messages.ts';
import { ADDRESS, COST_MS, DNS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { dnsMessage, dnsQuery, dnsResponse } from './dnsMessages.ts';
import { negativeSoa } from './nameServerReply.ts';
import { FLIGHT_GAP_MS, WHY_CACHE, iterate } from './resolverWalk.ts';

/** Seconds since someone else's lookup filled the resolver's cache ('answer' start). */
const CACHED_AGO_S = 120;

/**
 * Resolves the request's host name as Chrome on Linux, a stub, a recursive resolver and the name servers
 * really do: Chrome's own DNS client asks the stub for A and AAAA at once, the resolver walks iteratively
 * (following referrals, caching what it learns) and asks the shop's server for AAAA too, which has none.
 * Returns the address, or null for NXDOMAIN.
 */
export function resolveDns(ctx: EngineContext): string | null {
  const { b, rng, scenario } = ctx;
  const host = ctx.url.host;
  const fqdn = `${host}.`;
  const zone = DNS.zone[fqdn];
  const known = zone ? (scenario.topology.cdn ? zone.cdn : zone.origin) : null;
  if (scenario.start.browserDns && known) return known;

  // Chrome's own client: RD set, no OPT record (checked live, tests/truth/chromeDns.test.ts)
  const chrome = { recursive: true, edns: null } as const;
  const askA = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.stub, chrome);
  const askAAAA = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.stub, { ...chrome, type: 'AAAA' });
  const asked = b.now();
  b.hop('browser', 'stub', 'request', {
    id: 'dns-query-stub',
    phase: 'dns',
    title: 'Ask the stub resolver: A',
    narration: `Chrome on Linux resolves names with its own DNS client, not the C library's getaddrinfo: it reads the name server from /etc/resolv.conf, here systemd-resolved's stub at ${ADDRESS.stub}, and sends it one UDP query per record type, each from its own port, all at once: A (IPv4) here, AAAA (IPv6) beside it, and a third for the name's HTTPS record (type 65, hints for the connection), which this walk leaves out. Recursion desired; no EDNS record. The stub has nothing cached.`,
    message: dnsMessage(askA),
  });
  b.hop(
    'browser',
    'stub',
    'request',
    {
      id: 'dns-query-stub-aaaa',
      phase: 'dns',
      title: 'Ask the stub resolver: AAAA',
      narration: `In the same instant Chrome asks for ${host}'s IPv6 address (AAAA), with its own id and port. It will wait for both answers before it connects.`,
      message: dnsMessage(askAAAA),
    },
    { startMs: asked + FLIGHT_GAP_MS },
  );

  const toResolver = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.resolver, chrome);
  const toResolverAAAA = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.resolver, { ...chrome, type: 'AAAA' });
  const forwarded = b.now();
  b.hop('stub', 'resolver', 'request', {
    id: 'dns-query-resolver',
    phase: 'dns',
    title: 'Query the recursive resolver',
    narration: `The stub forwards each query in its own UDP packet to port 53 of the recursive resolver at ${ADDRESS.resolver}, with "recursion desired" set: find the answer for me.`,
    why: 'Security: classic DNS travels unencrypted, so anyone on the path can see which names you look up.',
    message: dnsMessage(toResolver),
  });
  b.hop(
    'stub',
    'resolver',
    'request',
    {
      id: 'dns-query-resolver-aaaa',
      phase: 'dns',
      title: 'Query the recursive resolver: AAAA',
      narration: 'The AAAA query goes to the resolver right beside the A query.',
      message: dnsMessage(toResolverAAAA),
    },
    { startMs: forwarded + FLIGHT_GAP_MS },
  );

  const [a, aaaa] =
    scenario.start.resolverCache === 'answer' && known
      ? fromCache(ctx, toResolver, toResolverAAAA, known)
      : walk(ctx, toResolver, toResolverAAAA);
  const address = a.rcode === 'NOERROR' ? (a.answers.find((r) => r.type === 'A')?.data ?? null) : null;

  const answered = b.now();
  const relay = (query: DnsMessage, from: DnsMessage): DnsMessage =>
    dnsResponse(query, { ra: true, rcode: from.rcode, answers: from.answers, authorities: from.authorities });
  b.hop('stub', 'browser', 'response', {
    id: address ? 'dns-result' : 'dns-result-nxdomain',
    phase: 'dns',
    title: address ? `${host} is ${address}` : `${host} does not exist`,
    narration: address
      ? `The stub relays the resolver's A answer to Chrome under Chrome's own query id, and keeps a copy.`
      : `The stub relays the NXDOMAIN to Chrome.`,
    message: dnsMessage(relay(askA, a)),
    changes: address ? [{ node: 'stub', key: 'cache', value: `${host} → ${address}` }] : [],
  });
  b.hop(
    'stub',
    'browser',
    'response',
    {
      id: address ? 'dns-result-aaaa' : 'dns-result-aaaa-nxdomain',
      phase: 'dns',
      title: address ? `${host} has no IPv6 address` : `${host} does not exist (AAAA)`,
      narration: address
        ? `Beside it, the AAAA answer: no data. Chrome has one IPv4 address and no IPv6 one, caches them, and can now open a connection.`
        : `And the AAAA answer: NXDOMAIN too. Chrome has no address, so there is nothing to connect to: the request fails with net::ERR_NAME_NOT_RESOLVED. (Chromium 156 then retries once through the system resolver, getaddrinfo, which the stub answers from its negative cache; that retry is left out here.)`,
      message: dnsMessage(relay(askAAAA, aaaa)),
      changes: address ? [{ node: 'browser', key: 'DNS cache', value: `${host} → ${address}` }] : [],
    },
    { startMs: answered + FLIGHT_GAP_MS },
  );
  return address;
}

/** The resolver answers both queries from its cache: the address, and the NODATA it also remembers. */
function fromCache(
  ctx: EngineContext,
  queryA: DnsMessage,
  queryAAAA: DnsMessage,
  address: string,
): readonly [DnsMessage, DnsMessage] {
  const { b } = ctx;
  const fqdn = queryA.question.name;
  const target = ctx.scenario.topology.cdn ? DNS.cdnAliases[fqdn] : undefined;
  const cdn = target !== undefined;
  b.wait(COST_MS.cacheLookup);
  const aged = (r: DnsRecord): DnsRecord => ({ ...r, ttl: r.ttl - CACHED_AGO_S });
  // behind the CDN the name is an alias (CNAME) for the CDN's name, whose zone holds the address
  const alias: readonly DnsRecord[] = cdn
    ? [{ name: fqdn, type: 'CNAME', ttl: DNS.cdnAliasTtl, data: target }]
    : [];
  const owner = target ?? fqdn;
  const soa = negativeSoa(cdn ? DNS.cdnZone : DNS.shopZone);
  const a = dnsResponse(queryA, {
    ra: true,
    answers: [
      ...alias,
      { name: owner, type: 'A' as const, ttl: cdn ? DNS.cdnAnswerTtl : DNS.answerTtl, data: address },
    ].map(aged),
  });
  const aaaa = dnsResponse(queryAAAA, { ra: true, answers: alias.map(aged), authorities: [aged(soa)] });
  const at = b.now();
  b.hop('resolver', 'stub', 'response', {
    id: 'dns-answer-cached',
    phase: 'dns',
    title: 'Answer from the resolver’s cache',
    narration: cdn
      ? `The resolver looked ${ctx.url.host} up two minutes ago for someone else, so it answers from its cache, TTLs counted down by 120 seconds: ${ctx.url.host} is an alias (CNAME) for ${owner.replace(/\.$/, '')}, the CDN's name for the shop's static files, and the CDN's own name server gave that name the address ${address} by GeoDNS: the edge nearest this resolver (a resolver on another continent gets another edge's address for the same name).`
      : `The resolver looked up ${fqdn} two minutes ago for someone else, so it answers from its cache; the TTL has counted down from ${DNS.answerTtl} to ${DNS.answerTtl - CACHED_AGO_S} seconds.`,
    why: WHY_CACHE,
    message: dnsMessage(a),
  });
  b.hop(
    'resolver',
    'stub',
    'response',
    {
      id: 'dns-answer-aaaa-cached',
      phase: 'dns',
      title: 'AAAA: no data, from the cache',
      narration: `It also remembers that ${owner} has no AAAA record (a negative answer, cached for the SOA's ${soa.ttl} seconds, RFC 2308), so it answers NODATA${cdn ? ' after the same CNAME' : ''} with that SOA, its TTL counted down too.`,
      message: dnsMessage(aaaa),
    },
    { startMs: at + FLIGHT_GAP_MS },
  );
  return [a, aaaa];
}

/**
 * The resolver walks for the A record (asking the shop's server for AAAA beside it) and answers the stub's two
 * queries; an NXDOMAIN above the shop's server answers the AAAA query from the negative cache.
 */
function walk(
  ctx: EngineContext,
  queryA: DnsMessage,
  queryAAAA: DnsMessage,
): readonly [DnsMessage, DnsMessage] {
  const { b } = ctx;
  const result = iterate(ctx, queryA.question.name);
  const found = result.kind === 'answer';
  // the stub gets the whole chain: the aliases followed, then the address (or NXDOMAIN for the last name)
  const a = found
    ? dnsResponse(queryA, { ra: true, answers: [...result.chain, result.record] })
    : dnsResponse(queryA, {
        ra: true,
        rcode: 'NXDOMAIN',
        answers: result.chain,
        authorities: [result.soa],
      });
  const aaaa = dnsResponse(queryAAAA, {
    ra: true,
    rcode: result.aaaa?.rcode ?? a.rcode,
    answers: result.chain,
    authorities: result.aaaa?.authorities ?? a.authorities,
  });
  const at = b.now();
  b.hop('resolver', 'stub', 'response', {
    id: found ? 'dns-answer' : 'dns-answer-nxdomain',
    phase: 'dns',
    title: found ? 'Answer the stub' : 'Tell the stub: no such name',
    narration: found
      ? result.chain.length > 0
        ? `The resolver sends the stub the whole chain with "recursion available" set: the CNAME, then the address of the name it points to. It will reuse the alias for ${DNS.cdnAliasTtl} seconds and the address for ${result.record.ttl}.`
        : `The resolver sends the address back to the stub with "recursion available" set. It will reuse it for ${result.record.ttl} seconds.`
      : `The resolver passes the NXDOMAIN on to the stub, with the SOA that proves it, and remembers it for ${result.soa.ttl} seconds, so repeated typos cost nothing.`,
    message: dnsMessage(a),
  });
  b.hop(
    'resolver',
    'stub',
    'response',
    {
      id: found ? 'dns-answer-aaaa' : 'dns-answer-aaaa-nxdomain',
      phase: 'dns',
      title: found ? 'AAAA: no data' : 'AAAA: no such name either',
      narration: result.aaaa
        ? `And the answer to the AAAA query, with its SOA: ${found ? 'no data' : 'NXDOMAIN'}.`
        : 'The AAAA query needs no walk of its own: an NXDOMAIN says the name does not exist at all, whatever the record type (RFC 2308), so the resolver answers it from what it just learnt.',
      message: dnsMessage(aaaa),
    },
    { startMs: at + FLIGHT_GAP_MS },
  );
  return [a, aaaa];
}
