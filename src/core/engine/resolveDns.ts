import type { DnsMessage } from '../model/messages.ts';
import { ADDRESS, COST_MS, DNS } from '../world/world.ts';
import type { EngineContext } from './EngineContext.ts';
import { internal } from './EngineContext.ts';
import { dnsMessage, dnsQuery, dnsResponse } from './dnsMessages.ts';

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
  const address = zone ? (scenario.topology.cdn ? zone.cdn : zone.origin) : null;
  if (scenario.start.browserDns && address) return address;

  b.hop('browser', 'stub', 'request', {
    id: 'dns-getaddrinfo',
    phase: 'dns',
    title: 'Ask the operating system',
    narration: `The browser asks the operating system's stub resolver for the address of ${host}. The stub has nothing cached either.`,
    message: internal(
      `getaddrinfo("${host}")`,
      `getaddrinfo("${host}", "${ctx.url.port}", {ai_family: AF_UNSPEC}, &result)`,
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
  if (scenario.start.resolverCache === 'answer' && zone && address) {
    b.wait(COST_MS.cacheLookup);
    answer = dnsResponse(toResolver, {
      ra: true,
      answers: [{ name: fqdn, type: 'A', ttl: DNS.answerTtl - 120, data: address }],
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
    const result = iterate(ctx, fqdn, address);
    answer = dnsResponse(toResolver, { ra: true, rcode: result ? 'NOERROR' : 'NXDOMAIN', ...result });
    b.hop('resolver', 'stub', 'response', {
      id: address ? 'dns-answer' : 'dns-answer-nxdomain',
      phase: 'dns',
      title: address ? 'Answer the stub' : 'Tell the stub: no such name',
      narration: address
        ? `The resolver sends the address back to the stub with "recursion available" set. It will reuse it for ${DNS.answerTtl} seconds.`
        : `The resolver passes the NXDOMAIN on to the stub and remembers it for ${DNS.negativeTtl} seconds, so repeated typos cost nothing.`,
      message: dnsMessage(answer),
    });
  }

  b.hop('stub', 'browser', 'response', {
    id: address ? 'dns-result' : 'dns-result-nxdomain',
    phase: 'dns',
    title: address ? `${host} is ${address}` : `${host} does not exist`,
    narration: address
      ? `getaddrinfo returns ${address}. Browser and OS cache it; the browser can now open a connection.`
      : `getaddrinfo fails with "name not known". There is no address, so there is nothing to connect to.`,
    message: internal(
      address ? `→ ${address}` : 'EAI_NONAME',
      address ? `result: ${address}` : 'getaddrinfo: EAI_NONAME (Name or service not known)',
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

type Sections = Pick<DnsMessage, 'answers' | 'authorities'>;

/** The resolver's iterative walk from the root (or from the cached TLD referral) to the answer. */
function iterate(ctx: EngineContext, fqdn: string, address: string | null): Sections | null {
  const { b, rng, scenario } = ctx;
  const host = ctx.url.host;
  if (scenario.start.resolverCache === 'cold') {
    const q = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.root, false);
    b.hop('resolver', 'root', 'request', {
      id: 'dns-query-root',
      phase: 'dns',
      title: 'Ask a root server',
      narration: `The resolver's cache is empty, so it starts at the top: it asks a root server (${ADDRESS.root}) for ${host}, without recursion.`,
      message: dnsMessage(q),
    });
    b.hop('root', 'resolver', 'response', {
      id: 'dns-root-referral',
      phase: 'dns',
      title: 'Root: ask the .example servers',
      narration: `The root does not know ${host}, but it knows who runs ${DNS.tld}: it refers the resolver to ${DNS.tldServer} and includes its address (a "glue" record).`,
      why: 'Scalability: no server knows every name; each level only delegates to the next.',
      message: dnsMessage(
        dnsResponse(q, {
          authorities: [{ name: DNS.tld, type: 'NS', ttl: DNS.referralTtl, data: DNS.tldServer }],
          additionals: [{ name: DNS.tldServer, type: 'A', ttl: DNS.referralTtl, data: ADDRESS.tld }],
        }),
      ),
      changes: [
        { node: 'resolver', key: `cache: ${DNS.tld} NS`, value: `${DNS.tldServer} (${ADDRESS.tld})` },
      ],
    });
  }

  const q2 = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.tld, false);
  b.hop('resolver', 'tld', 'request', {
    id: 'dns-query-tld',
    phase: 'dns',
    title: 'Ask the .example server',
    narration: `The resolver asks ${DNS.tldServer} (${ADDRESS.tld}) for ${host}.`,
    message: dnsMessage(q2),
  });
  if (!address) {
    b.hop('tld', 'resolver', 'response', {
      id: 'dns-tld-nxdomain',
      phase: 'dns',
      title: 'NXDOMAIN: no such name',
      narration: `The ${DNS.tld} zone delegates no ${fqdn}, so its server answers authoritatively: NXDOMAIN, the name does not exist. The SOA record says how long to remember that.`,
      why: 'A typo in a host name fails here, before any connection: no server of yours ever sees the request.',
      message: dnsMessage(
        dnsResponse(q2, {
          aa: true,
          rcode: 'NXDOMAIN',
          authorities: [{ name: DNS.tld, type: 'SOA', ttl: DNS.negativeTtl, data: DNS.soa }],
        }),
      ),
      changes: [{ node: 'resolver', key: `cache: ${fqdn} A`, value: `NXDOMAIN (TTL ${DNS.negativeTtl})` }],
    });
    return null;
  }
  b.hop('tld', 'resolver', 'response', {
    id: 'dns-tld-referral',
    phase: 'dns',
    title: `TLD: ask ${DNS.authServer.replace(/\.$/, '')}`,
    narration: `The ${DNS.tld} server refers the resolver to the shop's own name server, ${DNS.authServer}, with its address as glue.`,
    message: dnsMessage(
      dnsResponse(q2, {
        authorities: [{ name: fqdn, type: 'NS', ttl: DNS.referralTtl, data: DNS.authServer }],
        additionals: [{ name: DNS.authServer, type: 'A', ttl: DNS.referralTtl, data: ADDRESS.auth }],
      }),
    ),
    changes: [{ node: 'resolver', key: `cache: ${fqdn} NS`, value: `${DNS.authServer} (${ADDRESS.auth})` }],
  });

  const q3 = dnsQuery(rng.int(1, 65535), fqdn, ADDRESS.auth, false);
  b.hop('resolver', 'auth', 'request', {
    id: 'dns-query-authoritative',
    phase: 'dns',
    title: 'Ask the authoritative server',
    narration: `The resolver asks ${DNS.authServer} (${ADDRESS.auth}), the server that holds the shop's zone.`,
    message: dnsMessage(q3),
  });
  const answers = [{ name: fqdn, type: 'A' as const, ttl: DNS.answerTtl, data: address }];
  b.hop('auth', 'resolver', 'response', {
    id: 'dns-authoritative-answer',
    phase: 'dns',
    title: `Answer: A ${address}`,
    narration: `The authoritative server answers with the "aa" flag: ${fqdn} has address ${address}, valid for ${DNS.answerTtl} seconds. The resolver caches it.`,
    why: WHY_CACHE,
    message: dnsMessage(dnsResponse(q3, { aa: true, answers })),
    changes: [{ node: 'resolver', key: `cache: ${fqdn} A`, value: `${address} (TTL ${DNS.answerTtl})` }],
  });
  b.wait(COST_MS.resolverWork);
  return { answers, authorities: [] };
}
