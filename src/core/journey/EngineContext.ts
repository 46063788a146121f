import type { Header, Message } from '../model/messages.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Stack } from '../model/stack.ts';
import type { Extras } from '../extras/ExtraStages.ts';
import type { LanguageProfile } from '../stacks/types.ts';
import type { SessionCookies } from '../stacks/sessions/SessionStyle.ts';
import type { Prng } from './prng.ts';
import type { TimelineBuilder } from './TimelineBuilder.ts';

/** The parts of the requested URL the engine uses. */
export interface ParsedUrl {
  readonly https: boolean;
  readonly host: string;
  readonly port: number;
  /** Path plus query: "/api/products?sku=SKU-0004217". */
  readonly target: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

/** Everything the engine's stages share while they build one timeline. */
export interface EngineContext {
  readonly b: TimelineBuilder;
  readonly rng: Prng;
  readonly scenario: Scenario;
  readonly stack: Stack;
  readonly profile: LanguageProfile;
  /** The scenario's extra stages, as handed to `simulateTimeline` (reached through `extra(ctx.extras, id)`). */
  readonly extras: Extras;
  readonly url: ParsedUrl;
  /** The app server handling the request: "app", or the replica the load balancer picked ("app-3"). */
  readonly app: string;
  /**
   * The load balancer's replicas in rotation after its health checks, or the pods ready to receive requests
   * (1-based; empty without either).
   */
  readonly inRotation: readonly number[];
  /** How many requests the edge has passed on so far: whose turn it is in a round robin over repeated requests. */
  readonly served: { count: number };
  /** The node the browser connects to: the CDN edge or the reverse proxy. */
  readonly edge: 'cdn' | 'proxy';
  /**
   * The browser's HTTP/2 connection to the CDN edge (engine/edgeH2.ts): the field lists of the requests sent
   * on it so far, in order (they fill HPACK's dynamic table, and the next request takes the next odd stream).
   */
  readonly edgeH2: { readonly sent: Header[][] };
  /** Keys the application cache holds that the journey itself stored (for repeated requests). */
  readonly cachedKeys: Set<string>;
  /** What the database holds as the journey goes on: rows in reviews (the next insert gets the next id), and
   * how many statements the app has prepared on it (MySQL numbers them). */
  readonly database: { reviews: number; prepared: number };
  /** The session the login started, once it has (login-session): its cookies, for the next request. */
  readonly session: { cookies: SessionCookies | null };
}

/** A message that stays inside a process: a function call, a log line, a piece of code running. */
export const internal = (
  summary: string,
  text: string,
  code?: Extract<Message, { protocol: 'internal' }>['code'],
): Message =>
  code === undefined
    ? { protocol: 'internal', summary, text }
    : { protocol: 'internal', summary, text, code };
