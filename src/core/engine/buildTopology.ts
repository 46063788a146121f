import type { Link, NodeState, SimNode } from '../model/nodes.ts';
import type { DatabaseFault, Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import { PRODUCT_COUNT, REVIEW_COUNT } from '../data/shopData.ts';
import type { LanguageProfile } from '../stacks/types.ts';
import { ADDRESS, DATABASE_INFO, DNS, LATENCY_MS } from '../world/world.ts';
import { groupDigits } from '../format/groupDigits.ts';
import { STYLESHEET } from './nginxStaticFile.ts';
import { appCache } from '../parts/appCache.ts';
import { appServerState } from '../parts/appServerState.ts';
import { cdnEdge } from '../parts/cdnEdge.ts';
import { extra } from '../extras/ExtraStages.ts';
import type { Extras } from '../extras/ExtraStages.ts';
import type { ParsedUrl } from '../journey/EngineContext.ts';
import { cdnNameServer } from '../parts/cdnNameServer.ts';
import type { PartEnv, Placement } from '../parts/Part.ts';
import { mergePlacements } from '../parts/Part.ts';

export interface Topology {
  readonly nodes: readonly SimNode[];
  readonly links: readonly Link[];
  readonly initialState: Readonly<Record<string, NodeState>>;
}

const NONE: Placement = { nodes: [], links: [], initialState: {} };

/** The database machine's status line before step 1, for each database fault. */
const DATABASE_STATUS: Readonly<Record<DatabaseFault, (port: number) => string>> = {
  up: (port) => `up, listening on :${port}`,
  'process-down': (port) => `machine up; the database process has died: nothing listens on :${port}`,
  unreachable: () => 'DOWN: the machine is unreachable (no power or network)',
  'pool-exhausted': (port) => `up, listening on :${port}; busy with other requests' queries`,
};

/** The machines of a scenario, the links between them and what each knows before step 1. */
export function buildTopology(
  scenario: Scenario,
  stack: Stack,
  profile: LanguageProfile,
  extras: Extras,
  { host, https }: ParsedUrl,
): Topology {
  const { cdn, balancer, user, servers, kubernetes: cluster } = scenario.topology;
  const start = scenario.start;
  const db = DATABASE_INFO[stack.db];
  const unit = stack.db === 'mongodb' ? 'documents' : 'rows';
  const address = cdn ? ADDRESS.cdn : ADDRESS.proxy;
  const port = https ? 443 : 80;
  // Where the user is sets the links that cross the distance; the rest keep the world's figures.
  const latencies = user
    ? { ...LATENCY_MS, ...extra(extras, 'geography').placeLatencies(user, servers) }
    : LATENCY_MS;
  const link = (from: string, to: string, kind = `${from}-${to}`): Link => ({
    from,
    to,
    latencyMs: latencies[kind] ?? 0,
  });
  const apps = balancer
    ? extra(extras, 'loadBalancer').replicaIds(balancer)
    : cluster
      ? extra(extras, 'kubernetes').podIds(cluster)
      : ['app'];
  const env: PartEnv = { scenario, stack, profile, host, https, link, apps };
  const part = (p: typeof cdnEdge): Placement => (p.present(scenario) ? p.place(env) : NONE);
  const node = (id: keyof typeof ADDRESS, kind: SimNode['kind'], name: string, role: string): SimNode => ({
    id,
    kind,
    name,
    role,
    address: ADDRESS[id],
  });
  const edge = part(cdnEdge);
  const origin: Placement = balancer
    ? extra(extras, 'loadBalancer').part.place(env)
    : cluster
      ? extra(extras, 'kubernetes').part.place(env)
      : {
          nodes: [
            node(
              'proxy',
              'load-balancer',
              'Reverse proxy',
              `Load balancer / reverse proxy · ${ADDRESS.proxy}`,
            ),
            node(
              'app',
              'app-server',
              'API server',
              `${profile.framework} API handler · ${ADDRESS.app}:${profile.port}`,
            ),
          ],
          links: [link('proxy', 'app')],
          initialState: {
            proxy: {
              listening: https ? ':443 (TLS), :80' : ':80, :443 (TLS)',
              upstream: `app-1 ${ADDRESS.app}:${profile.port} (keep-alive)`,
              ...(scenario.rateLimit
                ? {
                    'limit_req zone=api': `${scenario.rateLimit.rate} r/s, burst ${scenario.rateLimit.burst}, nodelay; ${ADDRESS.browser} is sending faster`,
                  }
                : {}),
              ...(scenario.gzip ? { gzip: 'on: application/json, level 1, Vary: Accept-Encoding' } : {}),
            },
            app: {
              ...(scenario.faults.appDown ? { process: `DOWN (nothing listens on :${profile.port})` } : {}),
              ...appServerState(profile, stack.db, scenario.faults.database),
            },
          },
        };
  const cache = part(appCache);
  const { nodes, links, initialState } = mergePlacements([edge, origin, cache, part(cdnNameServer)]);

  const fqdn = `${host}.`;
  const known = DNS.zone[fqdn] !== undefined;
  // What the resolver learnt from earlier lookups of shop.example: the .example servers ('tld'), and
  // also the shop's name server and its address ('answer').
  const tldNs = { [`cache: ${DNS.tld} NS`]: `${DNS.tldServer} (${ADDRESS.tld})` };
  const resolverCache: NodeState | null =
    start.resolverCache === 'answer'
      ? {
          [`cache: ${DNS.shopZone} A`]: `${address} (TTL ${DNS.answerTtl - 120})`,
          ...tldNs,
          [`cache: ${DNS.shopZone} NS`]: `${DNS.authServer} (${ADDRESS.auth})`,
        }
      : start.resolverCache === 'tld'
        ? tldNs
        : null;
  const proxy = initialState['proxy'] ?? {};
  return {
    nodes: [
      node('browser', 'browser', 'Browser', `Browser · ${ADDRESS.browser}`),
      node('stub', 'stub-resolver', 'OS stub resolver', `Stub resolver · ${ADDRESS.stub}`),
      node(
        'resolver',
        'recursive-resolver',
        'Recursive resolver',
        `Recursive resolver · ${ADDRESS.resolver}`,
      ),
      node('root', 'root-server', 'Root server', `Root name server · ${ADDRESS.root}`),
      node('tld', 'tld-server', '.example TLD server', `TLD name server · ${ADDRESS.tld}`),
      node('auth', 'authoritative-server', 'ns1.shop.example', `Authoritative name server · ${ADDRESS.auth}`),
      ...nodes,
      node('db', 'database', db.name, `${db.name} ${db.version} database · ${ADDRESS.db}:${db.port}`),
    ],
    links: [
      link('browser', 'stub'),
      link('stub', 'resolver'),
      link('resolver', 'root'),
      link('resolver', 'tld'),
      link('resolver', 'auth'),
      ...(cdn ? [] : [link('browser', 'proxy')]),
      ...links,
      ...apps.map((app) => link(app, 'db', 'app-db')),
    ],
    initialState: {
      browser: {
        'HTTP cache': httpCacheState(start.browserHttpCache, host),
        'DNS cache': start.browserDns && known ? `${host} → ${address}` : 'empty',
        connection:
          start.connection === 'open'
            ? `ESTABLISHED to ${address}:${port}${https ? ' (TLS 1.3)' : ''}`
            : 'none',
        ...(start.tlsTickets
          ? {
              'TLS tickets': `${start.tlsTickets} unused for ${host} (NewSessionTicket ×${start.tlsTickets} after the first visit’s handshake, 2 min ago; lifetime 300 s)`,
            }
          : {}),
      },
      stub: { cache: start.browserDns && known ? `${host} → ${address}` : 'empty' },
      // Nothing yet, rather than a "cache: empty" line that would stay above what it learns.
      resolver: resolverCache ?? {},
      root: { zone: `. — delegates ${DNS.tld} to ${DNS.tldServer}` },
      tld: { zone: `${DNS.tld} — delegates ${DNS.shopZone} to ${DNS.authServer}` },
      auth: { zone: `${DNS.shopZone} A ${address} (TTL ${DNS.answerTtl})` },
      ...initialState,
      proxy: {
        ...proxy,
        ...(start.connection === 'open' && !cdn
          ? { connections: `ESTABLISHED with ${ADDRESS.browser}` }
          : {}),
      },
      db: {
        status: DATABASE_STATUS[scenario.faults.database](db.port),
        products: `${groupDigits(PRODUCT_COUNT)} ${unit}${scenario.skuIndex ? ', index on sku' : ', no index on sku'}`,
        reviews: `${groupDigits(REVIEW_COUNT)} ${unit}`,
      },
    },
  };
}

/** What the browser's HTTP cache holds before step 1. */
function httpCacheState(cache: Scenario['start']['browserHttpCache'], host: string): string {
  switch (cache) {
    case 'empty':
      return 'empty';
    case 'stale':
      return `${host}/api/products/42 (stale, has ETag)`;
    case 'fresh':
      return `${host}${STYLESHEET.path} (fresh: max-age one year)`;
  }
}
