import { ADDRESS, DNS } from '../world/world.ts';
import type { Part } from './Part.ts';

/** The CDN's name for the scenario's host, when the host is an alias for it (static.shop.example). */
const aliasOf = (url: string): string | undefined => DNS.cdnAliases[`${new URL(url).hostname}.`];

/**
 * The CDN's own authoritative name server, for a host behind the CDN through an alias (CNAME): the resolver
 * follows the alias to it, and it answers by GeoDNS with the edge nearest the resolver (its behaviour:
 * `nameServerReply`'s 'cdn-dns'). It is on the diagram only when the walk reaches it (a resolver that has the
 * answer cached asks nobody); the zones' lines always say where the name leads.
 */
export const cdnNameServer: Part = {
  present: (scenario) => scenario.topology.cdn && aliasOf(scenario.request.url) !== undefined,
  place: ({ scenario, host, link }) => {
    const target = aliasOf(scenario.request.url) ?? '';
    const fqdn = `${host}.`;
    const cached = scenario.start.resolverCache === 'answer';
    const walks = !cached && !scenario.start.browserDns;
    return {
      nodes: walks
        ? [
            {
              id: 'cdn-dns',
              kind: 'authoritative-server',
              // a short name: the server's own (ns1.cdn-provider.example) wraps to three lines in the projector theme
              name: 'CDN name server',
              role: `${DNS.cdnServer.replace(/\.$/, '')} · ${ADDRESS['cdn-dns']}`,
              address: ADDRESS['cdn-dns'],
            },
          ]
        : [],
      links: walks ? [link('resolver', 'cdn-dns')] : [],
      initialState: {
        tld: {
          zone: `${DNS.tld} — delegates ${DNS.shopZone} to ${DNS.authServer}, ${DNS.cdnZone} to ${DNS.cdnServer}`,
        },
        auth: { zone: `${DNS.shopZone} — ${fqdn} CNAME ${target} (TTL ${DNS.cdnAliasTtl})` },
        ...(walks
          ? {
              'cdn-dns': {
                zone: `${DNS.cdnZone} — ${target} A by GeoDNS: the edge nearest the asking resolver (TTL ${DNS.cdnAnswerTtl})`,
              },
            }
          : {}),
        ...(cached
          ? {
              resolver: {
                [`cache: ${fqdn} CNAME`]: `${target} (TTL ${DNS.cdnAliasTtl - 120})`,
                [`cache: ${target} A`]: `${ADDRESS.cdn} (TTL ${DNS.cdnAnswerTtl - 120})`,
                [`cache: ${DNS.tld} NS`]: `${DNS.tldServer} (${ADDRESS.tld})`,
                [`cache: ${DNS.shopZone} NS`]: `${DNS.authServer} (${ADDRESS.auth})`,
                [`cache: ${DNS.cdnZone} NS`]: `${DNS.cdnServer} (${ADDRESS['cdn-dns']})`,
              },
            }
          : {}),
      },
    };
  },
};
