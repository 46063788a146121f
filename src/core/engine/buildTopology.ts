import type { Link, NodeState, SimNode } from '../model/nodes.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import { poolUse } from '../app/withConnection.ts';
import { productRow, PRODUCT_COUNT, REVIEW_COUNT } from '../data/shopData.ts';
import { ROUTES } from '../app/matchRoute.ts';
import type { LanguageProfile } from '../stacks/types.ts';
import { ADDRESS, DATABASE_INFO, DNS, LATENCY_MS, REDIS } from '../world/world.ts';
import { groupDigits } from '../format/groupDigits.ts';

export interface Topology {
  readonly nodes: readonly SimNode[];
  readonly links: readonly Link[];
  readonly initialState: Readonly<Record<string, NodeState>>;
}

const link = (from: string, to: string): Link => ({ from, to, latencyMs: LATENCY_MS[`${from}-${to}`] ?? 0 });

/** The machines of a scenario, the links between them and what each knows before step 1. */
export function buildTopology(
  scenario: Scenario,
  stack: Stack,
  profile: LanguageProfile,
  host: string,
  https: boolean,
): Topology {
  const { cdn, appCache } = scenario.topology;
  const start = scenario.start;
  const db = DATABASE_INFO[stack.db];
  const connections = profile.connections[stack.db];
  const unit = stack.db === 'mongodb' ? 'documents' : 'rows';
  const address = cdn ? ADDRESS.cdn : ADDRESS.proxy;
  const port = https ? 443 : 80;
  const node = (id: keyof typeof ADDRESS, kind: SimNode['kind'], name: string, role: string): SimNode => ({
    id,
    kind,
    name,
    role,
    address: ADDRESS[id],
  });
  const nodes: SimNode[] = [
    node('browser', 'browser', 'Browser', `Browser · ${ADDRESS.browser}`),
    node('stub', 'stub-resolver', 'OS stub resolver', `Stub resolver · ${ADDRESS.stub}`),
    node('resolver', 'recursive-resolver', 'Recursive resolver', `Recursive resolver · ${ADDRESS.resolver}`),
    node('root', 'root-server', 'Root server', `Root name server · ${ADDRESS.root}`),
    node('tld', 'tld-server', '.example TLD server', `TLD name server · ${ADDRESS.tld}`),
    node('auth', 'authoritative-server', 'ns1.shop.example', `Authoritative name server · ${ADDRESS.auth}`),
    ...(cdn ? [node('cdn', 'cdn-edge', 'CDN edge', `CDN edge · ${ADDRESS.cdn}`)] : []),
    node('proxy', 'load-balancer', 'Reverse proxy', `Load balancer / reverse proxy · ${ADDRESS.proxy}`),
    node(
      'app',
      'app-server',
      'API server',
      `${profile.framework} API handler · ${ADDRESS.app}:${profile.port}`,
    ),
    ...(appCache
      ? [node('cache', 'cache', 'Redis', `Application cache · ${ADDRESS.cache}:${REDIS.port}`)]
      : []),
    node('db', 'database', db.name, `${db.name} ${db.version} database · ${ADDRESS.db}:${db.port}`),
  ];
  const links: Link[] = [
    link('browser', 'stub'),
    link('stub', 'resolver'),
    link('resolver', 'root'),
    link('resolver', 'tld'),
    link('resolver', 'auth'),
    ...(cdn ? [link('browser', 'cdn'), link('cdn', 'proxy')] : [link('browser', 'proxy')]),
    link('proxy', 'app'),
    ...(appCache ? [link('app', 'cache')] : []),
    link('app', 'db'),
  ];
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
  const initialState: Record<string, NodeState> = {
    browser: {
      'HTTP cache':
        start.browserHttpCache === 'stale' ? `${host}/api/products/42 (stale, has ETag)` : 'empty',
      'DNS cache': start.browserDns && known ? `${host} → ${address}` : 'empty',
      connection:
        start.connection === 'open'
          ? `ESTABLISHED to ${address}:${port}${https ? ' (TLS 1.3)' : ''}`
          : 'none',
    },
    stub: { cache: start.browserDns && known ? `${host} → ${address}` : 'empty' },
    // Nothing yet, rather than a "cache: empty" line that would stay above what it learns.
    resolver: resolverCache ?? {},
    root: { zone: `. — delegates ${DNS.tld} to ${DNS.tldServer}` },
    tld: { zone: `${DNS.tld} — delegates ${DNS.shopZone} to ${DNS.authServer}` },
    auth: { zone: `${DNS.shopZone} A ${cdn ? ADDRESS.cdn : ADDRESS.proxy} (TTL ${DNS.answerTtl})` },
    ...(cdn
      ? {
          cdn: {
            cache: start.cdnCache === 'warm' ? '/static/app.css (stored 1 hour ago)' : 'empty',
            origin: `${ADDRESS.proxy}:443`,
          },
        }
      : {}),
    proxy: {
      listening: https ? ':443 (TLS), :80' : ':80, :443 (TLS)',
      upstream: `app-1 ${ADDRESS.app}:${profile.port} (keep-alive)`,
      ...(start.connection === 'open' && !cdn ? { connections: `ESTABLISHED with ${ADDRESS.browser}` } : {}),
    },
    app: {
      routes: ROUTES.map((r) => `${r.method} ${profile.routing.pattern(r.pattern)}`).join(' · '),
      ...(connections.kind === 'pool'
        ? { 'db pool': poolUse(connections, 0) }
        : { 'db connection': `idle, kept open by the worker` }),
    },
    ...(appCache
      ? {
          cache:
            start.appCache === 'warm'
              ? { 'product:42': `${JSON.stringify(productRow(42))} (TTL 41 s)` }
              : { keys: 'none for product:42' },
        }
      : {}),
    db: {
      status: scenario.faults.databaseDown ? 'DOWN (machine unreachable)' : `up, listening on :${db.port}`,
      products: `${groupDigits(PRODUCT_COUNT)} ${unit}${scenario.skuIndex ? ', index on sku' : ', no index on sku'}`,
      reviews: `${groupDigits(REVIEW_COUNT)} ${unit}`,
    },
  };
  return { nodes, links, initialState };
}
