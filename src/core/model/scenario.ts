import type { Header } from './messages.ts';
import type { Database, Language } from './stack.ts';

/** How much of the DNS answer the recursive resolver already holds. */
export type ResolverCache = 'cold' | 'tld' | 'answer';

/** Where every cache and connection stands before step 1. */
export interface StartState {
  /** The browser's (and OS stub's) DNS cache already holds the A record. */
  readonly browserDns: boolean;
  readonly resolverCache: ResolverCache;
  /** A keep-alive connection (with TLS when https) to the site is already open. */
  readonly connection: 'none' | 'open';
  /**
   * The browser's HTTP cache: empty, a stale copy it must revalidate with its ETag, or a copy still fresh
   * (its max-age not run out) that it uses without asking.
   */
  readonly browserHttpCache: 'empty' | 'stale' | 'fresh';
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
  /** The origin of the page making the request when it is not the URL's own (a cross-origin fetch: CORS). */
  readonly pageOrigin?: string;
  /** Typed into the address bar (a navigation: the browser's own headers, no page code), not a page's fetch(). */
  readonly navigation?: boolean;
}

/**
 * What is wrong with the database hop (`app/databaseFault.ts`):
 * - `up`: nothing;
 * - `process-down`: the database process died; its machine is up and refuses a connect at once (RST),
 *   and the pooled connections were closed when the process went (the kernel sent their FIN);
 * - `unreachable`: the database machine vanished (power, network): nothing answers, not even a RST; a
 *   write on a pooled connection is retransmitted with backoff and a connect gets no SYN-ACK;
 * - `pool-exhausted`: the database is fine, but every connection of the app's pool is checked out by
 *   other requests: this one waits for a checkout until the driver's timeout, if it has one.
 */
export type DatabaseFault = 'up' | 'process-down' | 'unreachable' | 'pool-exhausted';

/** What is wrong in the world, on purpose. */
export interface Faults {
  readonly certificateExpired: boolean;
  readonly database: DatabaseFault;
  /** The app server's process is not running: its machine answers, its port refuses connections. */
  readonly appDown: boolean;
  /** The handler has a bug: it throws for this request, and nothing in the app catches it. */
  readonly handlerBug: boolean;
  /** The browser's first SYN is lost on the way: TCP sends it again after its initial retransmission timeout. */
  readonly packetLoss?: boolean;
  /** The database's disk is saturated: its query waits for disk reads before it runs (`app/diskQueue.ts`). */
  readonly databaseSlow?: boolean;
}

/**
 * Where the user is, named as seen from the shop's usual data centre in Frankfurt (`parts/geography.ts`): in
 * Frankfurt, Madrid, São Paulo, or on a ship behind a satellite link.
 */
export type Place = 'same-city' | 'same-continent' | 'other-continent' | 'satellite';

/** Where the shop's servers are (its data centre; `parts/geography.ts`). */
export type DataCentre = 'frankfurt' | 'ashburn' | 'sao-paulo' | 'singapore';

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

/**
 * Stacks a scenario cannot be shown on truthfully, and why, in a sentence the pickers, the link's notice and
 * the CLI show: every stack with this language, this database, or both when both are given.
 */
export interface StackExclusion {
  readonly lang?: Language;
  readonly db?: Database;
  readonly reason: string;
}

/** The app's container images: the tag, and the git commit its Dockerfile was built from (`parts/kubernetes.ts`). */
export type ImageTag = '1.4.2' | '1.5.0';

/** One pod of the app's Deployment. */
export interface PodSpec {
  /** The image its container runs. */
  readonly image: ImageTag;
  /** Whether its readiness probe passes: only ready pods receive requests. */
  readonly ready: boolean;
  /** How many times the kubelet has restarted its container (after a failed liveness probe or a crash). */
  readonly restarts: number;
}

/**
 * The app as a Kubernetes Deployment (`parts/kubernetes.ts`): ingress-nginx at the edge, the Service
 * `shop-api` in front of the pods, CoreDNS for the cluster's names, the database behind the Service `postgres`
 * (or `mysql`, `mongodb`).
 */
export interface KubernetesSpec {
  /** The Deployment's pods (pod-1 … pod-N), oldest first. */
  readonly pods: readonly PodSpec[];
  /** The Deployment's desired replicas (its pods may be more or fewer while a rollout runs). */
  readonly replicas: number;
  /** A rollout from one image to another is under way (RollingUpdate, maxSurge and maxUnavailable 25%). */
  readonly rollout?: { readonly from: ImageTag; readonly to: ImageTag };
  /** The journey starts with pod-1 starting: its readiness probe opens its first database connection. */
  readonly podStarting: boolean;
  /** The pod (1-based) ingress-nginx's round robin picks first. */
  readonly next: number;
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
    /**
     * The proxy's port-80 server only redirects to HTTPS (`return 301 https://$host$request_uri;`), and the
     * HTTPS answers carry Strict-Transport-Security, which the browser remembers for the next visit.
     */
    readonly httpsOnly?: boolean;
    /** The app runs on Kubernetes behind ingress-nginx instead of one reverse proxy and one app server. */
    readonly kubernetes?: KubernetesSpec;
    /** Where the user is; without it the links keep the world's fixed latencies (`LATENCY_MS`). */
    readonly user?: Place;
    /** Where the servers are, with `user`; Frankfurt when absent. */
    readonly servers?: DataCentre;
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
  /**
   * nginx compresses what it relays (`gzip on; gzip_types application/json; gzip_vary on;`, at its default
   * gzip_comp_level 1): `engine/nginxGzip.ts`.
   */
  readonly gzip?: boolean;
  /** nginx limits this client's requests (`engine/rateLimited.ts`); without it nothing is limited. */
  readonly rateLimit?: RateLimit;
  /**
   * The request is a login (`engine/loginSession.ts`): the app checks the password and starts a session, and
   * the page then asks for `next` with the session's cookie.
   */
  readonly session?: { readonly next: string };
  /** How many times the page makes the request over the same connection (1, or 3 in rolling-deploy). */
  readonly requests: number;
  /** Stacks it does not apply to (`model/stackFit.ts`); use only where a stack really cannot show it. */
  readonly notFor?: readonly StackExclusion[];
}
