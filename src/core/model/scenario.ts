import type { Header } from './messages.ts';

/** How much of the DNS answer the recursive resolver already holds. */
export type ResolverCache = 'cold' | 'tld' | 'answer';

/** Where every cache and connection stands before step 1. */
export interface StartState {
  /** The browser's (and OS stub's) DNS cache already holds the A record. */
  readonly browserDns: boolean;
  readonly resolverCache: ResolverCache;
  /** A keep-alive connection (with TLS when https) to the site is already open. */
  readonly connection: 'none' | 'open';
  /** The browser's HTTP cache: empty, or a stale copy it must revalidate with its ETag. */
  readonly browserHttpCache: 'empty' | 'stale';
  /** The application cache (Redis) holds the product. */
  readonly appCache: 'empty' | 'warm';
  /** The CDN edge holds the requested static file. */
  readonly cdnCache: 'empty' | 'warm';
  /**
   * Unused TLS 1.3 session tickets the browser holds for the site, from an earlier connection's
   * NewSessionTickets (`engine/tlsResume.ts`); a new connection then resumes. Absent means none.
   */
  readonly tlsTickets?: number;
}

/** The request the user makes. */
export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  /** The address typed or clicked: "https://shop.example/api/products/42". */
  readonly url: string;
  /** Headers the page adds beyond the browser's own (Authorization, Content-Type). */
  readonly headers: readonly Header[];
  readonly body: string;
}

/** What is wrong in the world, on purpose. */
export interface Faults {
  readonly certificateExpired: boolean;
  readonly databaseDown: boolean;
  /** The app server's process is not running: its machine answers, its port refuses connections. */
  readonly appDown: boolean;
  /** The handler has a bug: it throws for this request, and nothing in the app catches it. */
  readonly handlerBug: boolean;
}

/** Where the user is, seen from the shop's data centre in Frankfurt (`parts/geography.ts`). */
export type Place = 'same-city' | 'same-continent' | 'other-continent' | 'satellite';

/** How the balancer picks a replica: in turn, or the one with the fewest requests in flight. */
export type BalanceAlgorithm = 'roundrobin' | 'leastconn';

/** A load balancer (HAProxy) in front of N app replicas, checking each one's health. */
export interface BalancerSpec {
  /** How many app replicas, 2–8: app-1 … app-N. */
  readonly replicas: number;
  readonly algorithm: BalanceAlgorithm;
  /** Replicas (1-based) whose health check fails from the first check round on. */
  readonly failing: readonly number[];
  /** Requests each replica is already busy with (1-based order; missing means 0). */
  readonly inFlight: readonly number[];
  /** The replica round robin would pick next (1-based). */
  readonly next: number;
}

/**
 * nginx's request limit in front of the API (`limit_req_zone $binary_remote_addr zone=api:10m rate=…r/s;`
 * `limit_req zone=api burst=… nodelay; limit_req_status 429;`) and where this client's bucket stands.
 */
export interface RateLimit {
  /** Requests per second the zone lets through on average. */
  readonly rate: number;
  /** How many requests over the rate it lets through at once before refusing. */
  readonly burst: number;
  /** The bucket's excess when the request arrives, in requests (nginx counts thousandths). */
  readonly excess: number;
  /** The seconds `Retry-After` asks the client to wait (an `add_header` for 429 responses). */
  readonly retryAfter: number;
}

/** One scenario: data only; the engine decides what happens. */
export interface Scenario {
  /** Used in links, the CLI and tests: "first-visit". */
  readonly id: string;
  readonly title: string;
  /** One line on what it teaches. */
  readonly teaches: string;
  /** Seeds ports, sequence numbers and DNS ids. */
  readonly seed: number;
  readonly request: RequestSpec;
  readonly topology: {
    /** A CDN edge sits in front of the origin and the name resolves to it. */
    readonly cdn: boolean;
    /** The app uses an application cache (Redis) in front of the database. */
    readonly appCache: boolean;
    /** A load balancer and its replicas instead of one reverse proxy and one app server. */
    readonly balancer?: BalancerSpec;
    /** Where the user is; without it the links keep the world's fixed latencies (`LATENCY_MS`). */
    readonly user?: Place;
  };
  readonly start: StartState;
  /** Whether products.sku has an index. */
  readonly skuIndex: boolean;
  readonly faults: Faults;
  /**
   * nginx listens with `http2` on its TLS port: ALPN picks h2 and the browser's requests travel as HTTP/2
   * frames on one connection (`engine/http2Exchange.ts`); nginx still talks HTTP/1.1 to the app.
   */
  readonly h2?: boolean;
  /** nginx limits this client's requests (`engine/rateLimited.ts`); without it nothing is limited. */
  readonly rateLimit?: RateLimit;
  /** How many times the page makes the request over the same connection (1 for every listed scenario). */
  readonly requests: number;
}
