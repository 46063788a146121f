import { percentDecode } from '../protocols/percentDecode.ts';
import type { HandlerOp } from '../stacks/types.ts';

/** The largest value of the `integer` id columns (PostgreSQL `integer`, MySQL `INT`): 2³¹ − 1. */
export const MAX_ID = 2_147_483_647;

/** A route the shop's API declares. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: string;
  readonly op: HandlerOp;
}

/** The shop's route table, in the order the router tries it. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/api/products/:id', op: 'getProduct' },
  { method: 'GET', pattern: '/api/products', op: 'findBySku' },
  { method: 'GET', pattern: '/api/catalog', op: 'listProducts' },
  { method: 'POST', pattern: '/api/products/:id/reviews', op: 'createReview' },
  { method: 'POST', pattern: '/api/login', op: 'login' },
  { method: 'GET', pattern: '/api/me', op: 'me' },
];

/** How a framework's router reads a path: decoded or as sent, and what it takes as an `:id`. */
export interface RouterView {
  /** Whether segments are compared percent-decoded (FastAPI, Spring, Go, Laravel) or as sent (Express, Rails). */
  readonly decodes: boolean;
  /** The constraint the route puts on `:id`, or null when any non-empty segment matches. */
  readonly id: { readonly accepts: (segment: string) => boolean; readonly rule: string } | null;
}

/**
 * The id column's own limits as a route constraint: digits only, no larger than the column can hold (the
 * default view, for callers that ask about the route table itself rather than one framework's router).
 */
export const ID_COLUMN_ROUTER: RouterView = {
  decodes: false,
  id: { accepts: (v) => /^[0-9]{1,10}$/.test(v) && Number(v) <= MAX_ID, rule: 'a whole number' },
};

/** A parameter value a route refused: the path has the route's shape, but not a value it takes. */
export interface RefusedParameter {
  readonly route: Route;
  readonly name: string;
  readonly value: string;
  /** What the parameter must be: "a whole number". */
  readonly rule: string;
}

/** The router's answer: the route and its parameters, or no route (saying which parameter was refused, if any). */
export type RouteMatch =
  | { readonly ok: true; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly refused: RefusedParameter | null };

type Fit = { readonly params: Record<string, string>; readonly refused: RefusedParameter | null } | null;

/** Whether `path` has `route`'s shape, with its parameters (percent-decoded, as code receives them). */
function fit(route: Route, path: string, router: RouterView): Fit {
  const parts = path.split('/');
  const pattern = route.pattern.split('/');
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  let refused: RefusedParameter | null = null;
  for (const [i, p] of pattern.entries()) {
    const raw = parts[i] ?? '';
    const seen = router.decodes ? percentDecode(raw) : raw;
    if (!p.startsWith(':')) {
      if (p !== seen) return null;
      continue;
    }
    if (raw === '') return null;
    const name = p.slice(1);
    params[name] = percentDecode(raw);
    if (name === 'id' && router.id && !router.id.accepts(seen))
      refused ??= { route, name, value: seen, rule: router.id.rule };
  }
  return { params, refused };
}

/**
 * The first route whose method and pattern match the path, with its parameters; no route when none does.
 * `router` says how the framework reads the path (by default: as sent, with the id column's limits).
 */
export function matchRoute(method: string, path: string, router: RouterView = ID_COLUMN_ROUTER): RouteMatch {
  let refused: RefusedParameter | null = null;
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const f = fit(route, path, router);
    if (!f) continue;
    if (!f.refused) return { ok: true, route, params: f.params };
    refused ??= f.refused;
  }
  return { ok: false, refused };
}

/** The methods of the routes that match `path` (shape and constraints), whatever the request's method. */
export function allowedMethods(path: string, router: RouterView = ID_COLUMN_ROUTER): string[] {
  return [...new Set(ROUTES.filter((r) => fit(r, path, router)?.refused === null).map((r) => r.method))];
}
