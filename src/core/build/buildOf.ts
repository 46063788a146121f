import type { Scenario } from '../model/scenario.ts';
import type { BuildFault, BuildRequest, BuildSpec, WarmThing } from './BuildSpec.ts';
import { BUILD_REQUESTS, DEFAULT_PODS, MAX_REPLICAS, MIN_REPLICAS } from './BuildSpec.ts';
import { requestFor } from './requestFor.ts';
import { decodeBuild } from './buildCode.ts';
import { settleBuild } from './settleBuild.ts';

/** The builder's request that is exactly the scenario's, else the nearest kind. */
function requestOf(s: Scenario): BuildRequest {
  const https = s.request.url.startsWith('https:');
  const host = /^https?:\/\/([^/]+)/.exec(s.request.pageOrigin ?? s.request.url)?.[1] ?? 'shop.example';
  const same = BUILD_REQUESTS.find(
    (kind) => JSON.stringify(requestFor(kind, https, host, s.topology.cdn)) === JSON.stringify(s.request),
  );
  if (same) return same;
  if (s.request.method === 'POST') return 'review';
  const path = s.request.url.replace(/^https?:\/\/[^/]+/, '');
  if (path.startsWith('/static/')) return 'stylesheet';
  if (path.includes('?sku=')) return 'search';
  return 'product';
}

/** A cluster's pods as the builder counts them: 0 for its default of three. */
function podsOf(s: Scenario): number {
  const pods = s.topology.kubernetes?.pods.length;
  if (pods === undefined || pods === DEFAULT_PODS) return 0;
  return Math.min(Math.max(pods, MIN_REPLICAS), MAX_REPLICAS);
}

function faultOf(s: Scenario): BuildFault | null {
  const { faults } = s;
  const failing = s.topology.balancer?.failing.length ?? 0;
  if (!/^https?:\/\/(static\.)?shop\.example\//.test(s.request.url)) return 'dns-nxdomain';
  if (faults.packetLoss) return 'net-loss';
  if (faults.certificateExpired) return 'tls-expired';
  if (failing > 0) return failing === s.topology.balancer?.replicas ? 'lb-none' : 'lb-replica';
  const cluster = s.topology.kubernetes;
  if (cluster && !cluster.podStarting && cluster.pods.every((p) => !p.ready)) return 'pods-unready';
  if (faults.appDown) return 'app-refused';
  if (faults.handlerBug) return 'app-crash';
  if (faults.database === 'unreachable') return 'db-timeout';
  if (faults.databaseSlow) return 'db-slow';
  if (faults.database === 'process-down') return 'db-refused';
  return null;
}

/**
 * The builder's choices that come closest to a scenario, to start building from it: its parts, places,
 * caches and first fault. A built scenario gives back its own build; a built-in one keeps what the builder
 * can say (not-found or unauthorized become the plain product request), and a choice that would clash
 * with the others is dropped, so the result always builds.
 */
export function buildOf(s: Scenario): BuildSpec {
  const decoded = decodeBuild(s.id);
  if (decoded.ok) return decoded.spec;
  const { start } = s;
  const warm = new Set<WarmThing>();
  if (start.browserHttpCache === 'stale') warm.add('browserHttp');
  if (start.browserDns) warm.add('browserDns');
  if (start.resolverCache === 'answer') warm.add('resolver');
  if (start.cdnCache === 'warm') warm.add('cdn');
  if (start.appCache === 'warm') warm.add('appCache');
  if (start.connection === 'open') warm.add('connection');
  const request = requestOf(s);
  return settleBuild({
    request,
    https: s.request.url.startsWith('https:'),
    skuIndex: s.skuIndex,
    cdn: s.topology.cdn,
    appCache: s.topology.appCache,
    replicas: s.topology.balancer?.replicas ?? podsOf(s),
    kubernetes: s.topology.kubernetes !== undefined,
    user: s.topology.user ?? null,
    servers: s.topology.servers ?? 'frankfurt',
    warm,
    fault: faultOf(s),
  });
}
