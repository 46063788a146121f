import type { DnsRecord } from '../model/messages.ts';
import { ADDRESS, DNS } from '../world/world.ts';

/** The name servers of the simulated DNS, by node id: the shop's (auth) and the CDN's (cdn-dns). */
export type NameServer = 'root' | 'tld' | 'auth' | 'cdn-dns';

/** What a name server says about a name's A record. */
export type NameServerReply =
  | {
      readonly kind: 'referral';
      /** The delegated zone and the server that holds it, with its address (glue). */
      readonly zone: string;
      readonly ns: string;
      readonly nsAddress: string;
      readonly next: NameServer;
    }
  | { readonly kind: 'answer'; readonly record: DnsRecord }
  /** The name is an alias: its CNAME, whose target the resolver must look up in turn. */
  | { readonly kind: 'alias'; readonly record: DnsRecord }
  | {
      readonly kind: 'nxdomain';
      /** The zone that would hold the name, and its SOA with the negative TTL (RFC 2308). */
      readonly zone: string;
      readonly soa: DnsRecord;
    };

/** Whether `name` is `zone` or below it, label by label ("shop.example." is within "example." and "."). */
export const isWithin = (name: string, zone: string): boolean =>
  zone === '.' || name === zone || name.endsWith(`.${zone}`);

/**
 * The SOA `zone` sends with a negative answer (NXDOMAIN or NODATA), its TTL lowered to the SOA's minimum
 * field when that is shorter (RFC 2308 §5).
 */
export function negativeSoa(zone: string): DnsRecord {
  const soa = DNS.soa[zone];
  if (!soa) throw new Error(`No SOA for zone ${zone}`);
  const minimum = Number(soa.data.split(' ')[6]);
  return { name: zone, type: 'SOA', ttl: Math.min(soa.ttl, minimum), data: soa.data };
}

/** The negative answer of `zone`: NXDOMAIN with its SOA. */
const nxdomain = (zone: string): NameServerReply => ({ kind: 'nxdomain', zone, soa: negativeSoa(zone) });

/**
 * What `server` answers, without recursion, to a query for `fqdn`'s A record: a referral down to
 * the zone that holds the name, the address, an alias (a name behind the CDN, when the scenario has one), or
 * NXDOMAIN from the zone the name would be in. The CDN's server answers by GeoDNS: the edge nearest the
 * resolver that asks.
 */
export function nameServerReply(server: NameServer, fqdn: string, cdn: boolean): NameServerReply {
  switch (server) {
    case 'root':
      return isWithin(fqdn, DNS.tld)
        ? { kind: 'referral', zone: DNS.tld, ns: DNS.tldServer, nsAddress: ADDRESS.tld, next: 'tld' }
        : nxdomain('.');
    case 'tld':
      return isWithin(fqdn, DNS.shopZone)
        ? { kind: 'referral', zone: DNS.shopZone, ns: DNS.authServer, nsAddress: ADDRESS.auth, next: 'auth' }
        : isWithin(fqdn, DNS.cdnZone)
          ? {
              kind: 'referral',
              zone: DNS.cdnZone,
              ns: DNS.cdnServer,
              nsAddress: ADDRESS['cdn-dns'],
              next: 'cdn-dns',
            }
          : nxdomain(DNS.tld);
    case 'auth': {
      const host = DNS.zone[fqdn];
      const alias = cdn ? DNS.cdnAliases[fqdn] : undefined;
      if (alias)
        return { kind: 'alias', record: { name: fqdn, type: 'CNAME', ttl: DNS.cdnAliasTtl, data: alias } };
      return host
        ? {
            kind: 'answer',
            record: { name: fqdn, type: 'A', ttl: DNS.answerTtl, data: cdn ? host.cdn : host.origin },
          }
        : nxdomain(DNS.shopZone);
    }
    case 'cdn-dns':
      return Object.values(DNS.cdnAliases).includes(fqdn)
        ? { kind: 'answer', record: { name: fqdn, type: 'A', ttl: DNS.cdnAnswerTtl, data: ADDRESS.cdn } }
        : nxdomain(DNS.cdnZone);
  }
}
