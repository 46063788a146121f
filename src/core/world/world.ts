/**
 * The simulated world every scenario shares: documentation addresses (RFC 5737, RFC 2606),
 * one-way link latencies and per-node costs. Durations in a timeline come from these numbers.
 */
export const ADDRESS = {
  browser: '192.0.2.15',
  stub: '127.0.0.53',
  resolver: '198.51.100.53',
  root: '192.0.2.1',
  tld: '192.0.2.30',
  auth: '198.51.100.10',
  /** The CDN's own authoritative name server (anycast, like most CDNs' name servers). */
  'cdn-dns': '192.0.2.60',
  cdn: '203.0.113.80',
  proxy: '203.0.113.10',
  app: '10.0.0.21',
  cache: '10.0.0.31',
  db: '10.0.0.41',
} as const;

export type NodeId = keyof typeof ADDRESS;

/** One-way latency in milliseconds between two nodes (links are undirected). */
export const LATENCY_MS: Readonly<Record<string, number>> = {
  'browser-stub': 0.05,
  'stub-resolver': 6,
  'resolver-root': 11,
  'resolver-tld': 14,
  'resolver-auth': 18,
  'resolver-cdn-dns': 8,
  'browser-proxy': 19,
  'browser-cdn': 4,
  'cdn-proxy': 21,
  'proxy-app': 0.3,
  'app-cache': 0.25,
  'app-db': 0.4,
  'pod-dns': 0.15,
};

/** Work done inside a node, in milliseconds. */
export const COST_MS = {
  cacheLookup: 0.02,
  resolverWork: 0.1,
  serverKeyExchange: 0.4,
  certificateVerify: 1.2,
  proxyRoute: 0.05,
  routeMatch: 0.02,
  middleware: 0.03,
  authCheck: 0.15,
  validate: 0.04,
  poolCheckout: 0.01,
  queryPlan: 0.03,
  indexLookup: 0.05,
  /**
   * One process reading one row of a scan and testing its filter: PostgreSQL 15 read the 2,000,000 products
   * in 800 ms with one process on this project's 2-core CI machine under load (PGlite: 1,160 ms).
   */
  rowScan: 0.00035,
  /** PostgreSQL starting its parallel workers for a Gather (EXPLAIN ANALYZE: the Gather's first row 0.5–0.9 ms). */
  workerLaunch: 0.8,
  insertRow: 0.12,
  commit: 0.9,
  serialise: 0.05,
  redisOp: 0.02,
  /** Reading a session: a map in memory, a cookie's signature or decryption, or a small file. */
  sessionRead: 0.05,
  render: 6,
  /** zlib at level 1 (nginx's default gzip_comp_level) on JSON: about 100 MB/s on one core. */
  gzipByte: 0.00001,
  tcpRetransmit: 1000,
  proxyUpstreamTimeout: 3000,
} as const;

/**
 * Workers PostgreSQL plans for a scan of the products (max_parallel_workers_per_gather's default, 2, which
 * a table of 16,667 pages reaches); the leader reads its share too.
 */
export const PG_SCAN_WORKERS = 2;

/** One zone's SOA record: its TTL and its data ("mname rname serial refresh retry expire minimum"). */
export interface ZoneSoa {
  readonly ttl: number;
  readonly data: string;
}

/**
 * Names in the simulated DNS: the root delegates only `example.` (to a.nic.example.), which delegates `shop.example.`
 * (to ns1.shop.example., which holds the shop's addresses) and the CDN's zone (cdnZone). Any other name is
 * NXDOMAIN from the zone it would be in, with that zone's SOA.
 */
export const DNS = {
  tld: 'example.',
  tldServer: 'a.nic.example.',
  /** The shop's own zone, served by authServer. */
  shopZone: 'shop.example.',
  authServer: 'ns1.shop.example.',
  /** Hosts that exist in the shop.example zone. */
  zone: {
    'shop.example.': { origin: ADDRESS.proxy, cdn: ADDRESS.cdn },
    // The shop's static files, behind the CDN (cdn-hit, far-away-cdn): an alias there (cdnAliases).
    'static.shop.example.': { origin: ADDRESS.proxy, cdn: ADDRESS.cdn },
    // The API's own name, on the same proxy (its own server block: cors-preflight).
    'api.shop.example.': { origin: ADDRESS.proxy, cdn: ADDRESS.proxy },
  } as Readonly<Record<string, { origin: string; cdn: string }>>,
  answerTtl: 300,
  /**
   * Names behind the CDN: in the shop's zone each is an alias (CNAME) for the CDN's name for it, which the
   * CDN's own name servers answer by GeoDNS with the edge nearest the asking resolver. The zone's apex,
   * shop.example itself, cannot be a CNAME (it holds the zone's SOA and NS; RFC 1034 §3.6.2, RFC 2181 §10.1).
   */
  cdnAliases: { 'static.shop.example.': 'shop.cdn-provider.example.' } as Readonly<Record<string, string>>,
  cdnAliasTtl: 3600,
  /** The CDN's zone, delegated by the .example servers to its own name server. */
  cdnZone: 'cdn-provider.example.',
  cdnServer: 'ns1.cdn-provider.example.',
  cdnAnswerTtl: 300,
  referralTtl: 172800,
  /** Each zone's SOA, sent in the authority section of its negative answers (RFC 2308). */
  soa: {
    '.': {
      ttl: 86400,
      data: 'a.root-servers.example. hostmaster.root-servers.example. 2026112400 1800 900 604800 86400',
    },
    'example.': { ttl: 3600, data: 'a.nic.example. hostmaster.nic.example. 2026112401 1800 900 604800 3600' },
    'cdn-provider.example.': {
      ttl: 3600,
      data: 'ns1.cdn-provider.example. dns-admin.cdn-provider.example. 2026112401 3600 600 604800 300',
    },
    'shop.example.': {
      ttl: 3600,
      data: 'ns1.shop.example. hostmaster.shop.example. 2026112401 7200 900 1209600 300',
    },
  } as Readonly<Record<string, ZoneSoa>>,
} as const;

/** The wall-clock instant at which every scenario starts: Tuesday 24 November 2026, 09:00:00 UTC. */
export const WORLD_START = { year: 2026, month: 11, day: 24, hour: 9, minute: 0 } as const;

/**
 * The site's certificate, valid or expired depending on the scenario: one certificate for both of nginx's
 * server blocks (shop.example and the API's api.shop.example). Browsers match the host against
 * subjectAltName only; the CN is one of those names, as the CA/Browser Forum's Baseline Requirements ask.
 */
export const CERTIFICATE = {
  subject: 'CN=shop.example',
  names: ['shop.example', 'api.shop.example', 'static.shop.example'],
  issuer: 'CN=Example Issuing CA R3, O=Example Trust Services',
  notBefore: '2026-09-01 00:00:00 UTC',
  notAfter: '2026-11-30 23:59:59 UTC',
  expiredNotBefore: '2026-08-01 00:00:00 UTC',
  expiredNotAfter: '2026-10-30 23:59:59 UTC',
} as const;

/**
 * The browser: Chromium 156 on Linux, as Debian's chromium package sends its User-Agent and, to secure
 * origins only, its client hints (recorded in tests/truth/browser.test.ts).
 */
export const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
export const CLIENT_HINTS = {
  brands: '"Not:A-Brand";v="8", "Chromium";v="156"',
  mobile: '?0',
  platform: '"Linux"',
} as const;

/** The database servers a stack can choose: display name, version and default port. */
export const DATABASE_INFO = {
  postgres: { name: 'PostgreSQL', version: '17', port: 5432 },
  mysql: { name: 'MySQL', version: '8.4', port: 3306 },
  mongodb: { name: 'MongoDB', version: '8.0', port: 27017 },
} as const;

/** CPUs of the app server (app-1): pool defaults that follow the CPU count (pgxpool's) use it. */
export const APP_CPUS = 4;

/** The Redis application cache. */
export const REDIS = { port: 6379, ttlSeconds: 60 } as const;

/** The bearer token the shop's auth middleware accepts (a documentation value, not a secret). */
export const VALID_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTcifQ.c2lnbmF0dXJl';

/**
 * What the proxy's server block for api.shop.example allows other origins (nginx `add_header`s, cors-preflight):
 * the shop's pages may call it with these methods and headers, and cache the answer for this long (Chromium
 * caps Access-Control-Max-Age at 7200 s).
 */
export const API_CORS = {
  origin: 'https://shop.example',
  methods: 'GET, POST',
  headers: 'Authorization, Content-Type',
  maxAge: 7200,
} as const;
