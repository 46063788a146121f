// fast-check arbitraries over the builder's choices: every spec the builder's controls can produce.
import fc from 'fast-check';
import {
  BUILD_FAULTS,
  BUILD_REQUESTS,
  buildProblems,
  MAX_REPLICAS,
  MIN_REPLICAS,
  WARM_THINGS,
} from '../../src/core/builder.ts';
import type { BuildFault, BuildSpec } from '../../src/core/builder.ts';
import type { Place } from '../../src/core/index.ts';

const PLACES: readonly Place[] = ['same-city', 'same-continent', 'other-continent', 'satellite'];

/** Any combination of choices, clashing ones included. */
export const anyBuildSpec: fc.Arbitrary<BuildSpec> = fc.record({
  request: fc.constantFrom(...BUILD_REQUESTS),
  https: fc.boolean(),
  skuIndex: fc.boolean(),
  cdn: fc.boolean(),
  appCache: fc.boolean(),
  replicas: fc.oneof(fc.constant(0), fc.integer({ min: MIN_REPLICAS, max: MAX_REPLICAS })),
  kubernetes: fc.boolean(),
  user: fc.constantFrom(null, ...PLACES),
  servers: fc.constantFrom('frankfurt', 'ashburn', 'sao-paulo', 'singapore'),
  warm: fc.subarray([...WARM_THINGS]).map((w) => new Set(w)),
  fault: fc.constantFrom(null, ...(Object.keys(BUILD_FAULTS) as BuildFault[])),
});

/** What the builder can produce: a spec without problems. */
export const buildSpec: fc.Arbitrary<BuildSpec> = anyBuildSpec.filter((s) => buildProblems(s).length === 0);

/** Fixed build codes that together use every part, place, warm cache and fault: the truth tests play them. */
export const EXAMPLE_BUILDS: readonly string[] = [
  'v1.lb3.cdn.far',
  'v1.lb3.cdn.far.fault-db-timeout',
  'v1.lb4.fault-lb-replica',
  'v1.lb2.cache.fault-lb-none',
  'v1.lb3.fault-app-refused',
  'v1.lb3.fault-app-crash',
  'v1.css.lb2.cdn.sat.warm-resolver.warm-cdn',
  'v1.post.lb3.cache.continent.warm-dns.warm-resolver.warm-conn.fault-db-slow',
  'v1.sku.index.city.fault-net-loss',
  'v1.http.cdn.cache.warm-cache',
  'v1.warm-http.warm-dns.warm-resolver.warm-conn',
  'v1.lb2.fault-tls-expired',
  'v1.lb2.fault-dns-nxdomain',
  'v1.k8s.cdn.far.fault-db-timeout',
  'v1.lb4.k8s.cache.continent.fault-app-crash',
  'v1.k8s.fault-pods-unready',
  'v1.cdn.far.dc-singapore',
  'v1.lb2.continent.dc-ashburn.fault-db-slow',
  'v1.post.k8s.warm-dns.warm-resolver.warm-conn.fault-db-slow',
];
