import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import type { JsonBody } from '../../protocols/jsonBody.ts';

/** A product, a review or an error body as JSON-ready data. */
export type Json = Readonly<Record<string, unknown>>;

/** What the app decided to answer, before its framework writes it on the wire. */
export type Answer =
  /** 200 with the product; the handler sets its ETag and Cache-Control: no-cache. */
  | { readonly kind: 'product'; readonly product: Json }
  /** 304: the browser's If-None-Match is the product's ETag. */
  | { readonly kind: 'notModified'; readonly product: Json }
  /** 200 with a JSON array (the look-up by SKU). */
  | { readonly kind: 'list'; readonly items: readonly Json[] }
  /** 201 with the new review and its Location. */
  | { readonly kind: 'created'; readonly review: Json; readonly location: string }
  /** The handler's 404: no product with that id. */
  | { readonly kind: 'notFound' }
  /** An id the framework's conversion or the handler's own check refuses (`value` as the code gets it). */
  | { readonly kind: 'badId'; readonly value: string }
  /** 401 from the auth check, with the WWW-Authenticate challenge. */
  | { readonly kind: 'unauthorized'; readonly challenge: string }
  /** The review's body fails validation (`body` is the request body, parsed once); `badId` is a refused id reported with it. */
  | { readonly kind: 'invalid'; readonly body: JsonBody; readonly badId: string | null }
  /**
   * 200 with the signed-in user (the login's answer, and /api/me's); `headers` are what the session
   * middleware writes with it (Set-Cookie, Vary), placed where each framework writes them.
   */
  | { readonly kind: 'session'; readonly user: Json; readonly headers: readonly Header[] }
  /** No route matches; `allowed` lists the methods of routes whose path does match (405 where the router says so). */
  | { readonly kind: 'noRoute'; readonly allowed: readonly string[] };

/** What a framework does with an exception its handler does not catch, with production settings. */
export interface Uncaught {
  /** The response it sends, or null when its server closes the connection without one (Go's net/http). */
  readonly response: HttpResponse | null;
  /** What its server logs: an excerpt, the exception and its first frame. */
  readonly log: string;
  /** One or two sentences for the narration: who answers, and why it looks so. */
  readonly explain: string;
}

/** How a framework writes each answer: headers, body and status, as its defaults and the handler code make them. */
export interface ResponseStyle {
  /** The ETag the stack sends for a product (the browser keeps it and sends it back in If-None-Match). */
  productTag(product: Json): string;
  /** The response for `answer` to `request` (as the proxy forwarded it), `nowMs` into the scenario. */
  respond(answer: Answer, request: HttpRequest, nowMs: number): HttpResponse;
  /** One or two sentences for the narration: who writes this response and what it carries. */
  explain(answer: Answer, response: HttpResponse): string;
  /**
   * The handler throws (the scenario's bug: it reads the optional `fields` query parameter the request does
   * not carry): the response, the log and the narration. `peer` is the proxy's end of the connection.
   */
  uncaught(request: HttpRequest, nowMs: number, peer: string): Uncaught;
  /**
   * How the handler's own error path answers a database call that failed, where the handler code has one
   * (Go's writeError returns the error instead of panicking); without it the driver's exception escapes the
   * handler and `uncaught`'s response answers.
   */
  databaseError?(
    request: HttpRequest,
    nowMs: number,
  ): { readonly response: HttpResponse; readonly explain: string };
}

/** Where a framework refuses a product id that is not one. */
export type IdRefusal =
  /** The route's own constraint: no route matches (Rails `id: /\d{1,9}/`, Laravel `where`). */
  | 'router'
  /** Converting the parameter to the handler's type, before the handler (Spring's `@PathVariable int`). */
  | 'conversion'
  /** Validating the parameter with the request's other input (FastAPI's `Path(ge=…, le=…)`). */
  | 'validation'
  /** The handler's own check, written in its code (Express, Go). */
  | 'handler';

/** How a framework routes a request and gets the product id out of the path. */
export interface RoutingRules {
  /** A shared route pattern ("/api/products/:id") as the framework's code writes it ("/api/products/{id}"). */
  pattern(route: string): string;
  /** Whether the router compares the percent-decoded path (true) or the path as it arrived. */
  readonly decodes: boolean;
  readonly id: {
    readonly refusedBy: IdRefusal;
    /**
     * The id the code ends up with for a path segment, or null when the framework or code refuses it.
     * For a router constraint the segment is as the router sees it; otherwise it is percent-decoded.
     */
    parse(segment: string): number | null;
    /** The rule in the code's own words, for narration: "whereNumber-style `[0-9]{1,9}`". */
    readonly rule: string;
  };
  /**
   * When a JSON body the framework cannot parse is refused: before routing (an app-level body parser),
   * after routing but before the auth check, or with the rest of the validation.
   */
  readonly malformedBody: 'before-routing' | 'before-auth' | 'with-validation';
  /** What checks the bearer token, for narration: "the requireAuth middleware". */
  readonly auth: string;
}

/** One web framework's behaviour: routing and responses. */
export interface Framework {
  readonly routing: RoutingRules;
  readonly response: ResponseStyle;
}

/** A route with its `:name` parameters in braces ("/api/products/{id}"), as FastAPI, Spring, Laravel and Go write it. */
export const bracedParams = (route: string): string => route.replace(/:(\w+)/g, '{$1}');
