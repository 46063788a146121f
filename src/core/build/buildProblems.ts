import type { BuildSpec } from './BuildSpec.ts';

/**
 * Why a combination of choices cannot be one scenario, each as a sentence naming the parts ("fault-lb-none
 * needs a load balancer (lb2…lb8)"); empty when it can. The builder's controls offer only combinations
 * without problems, and a link with one is refused with its sentence.
 */
export function buildProblems(spec: BuildSpec): string[] {
  const problems: string[] = [];
  const { fault, warm } = spec;
  if (spec.servers !== 'frankfurt' && spec.user === null)
    problems.push('dc-… (where the servers are) needs the users’ place (city, continent, far or sat)');
  if (warm.has('cdn') && !spec.cdn) problems.push('warm-cdn needs a CDN (cdn)');
  if (warm.has('appCache') && !spec.appCache) problems.push('warm-cache needs an app cache (cache)');
  if (warm.has('browserHttp') && spec.request !== 'product')
    problems.push('warm-http (a stale copy to revalidate) is only for the product request');
  if (spec.skuIndex && spec.request !== 'search') problems.push('index is only for the search request (sku)');
  if ((fault === 'lb-none' || fault === 'lb-replica') && (spec.replicas === 0 || spec.kubernetes))
    problems.push(
      spec.kubernetes
        ? `fault-${fault} is HAProxy's health checks; on Kubernetes choose fault-pods-unready`
        : `fault-${fault} needs a load balancer (lb2…lb8)`,
    );
  if (spec.kubernetes && spec.request === 'stylesheet')
    problems.push('css on k8s: the cluster’s Ingress routes only /api to the app (drop css or k8s)');
  if (fault === 'db-refused' && spec.kubernetes)
    problems.push(
      'fault-db-refused on k8s: a refused readiness probe is not modelled yet (choose fault-db-timeout)',
    );
  if (fault === 'pods-unready' && !spec.kubernetes)
    problems.push('fault-pods-unready needs Kubernetes (k8s)');
  if (fault === 'app-refused' && spec.kubernetes)
    problems.push(
      'fault-app-refused: on Kubernetes a pod whose process is down fails its probes and gets no requests (choose fault-pods-unready)',
    );
  if (fault === 'tls-expired' && !spec.https) problems.push('fault-tls-expired needs HTTPS (drop http)');
  if ((fault === 'tls-expired' || fault === 'net-loss' || fault === 'dns-nxdomain') && warm.has('connection'))
    problems.push(`fault-${fault} needs a new connection (drop warm-conn)`);
  return problems;
}
