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
  { method: 'POST', pattern: '/api/products/:id/reviews', op: 'createReview' },
];

/**
 * What each route parameter accepts. An `:id` is a product id: digits only, no larger than the id
 * column can hold (as Rails' `constraints: { id: /\d+/ }` or Laravel's `whereNumber('id')` declare),
 * so `/api/products/abc` matches no route and no malformed id ever reaches a query.
 */
const PARAMETER_RULES: Readonly<Record<string, { readonly accepts: (value: string) => boolean; readonly rule: string }>> = {
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

/** The first route whose method and pattern match the path, with its parameters; no route when none does. */
export function matchRoute(method: string, path: string): RouteMatch {
  const parts = path.split('/');
  let refused: RefusedParameter | null = null;
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let bad: RefusedParameter | null = null;
    const shaped = pattern.every((p, i) => {
      const part = parts[i] ?? '';
      if (!p.startsWith(':')) return p === part;
      const name = p.slice(1);
      params[name] = part;
      const rule = PARAMETER_RULES[name];
      if (rule && !rule.accepts(part)) bad ??= { route, name, value: part, rule: rule.rule };
      return part !== '';
    });
    if (!shaped) continue;
    if (!bad) return { ok: true, route, params };
    refused ??= bad;
  }
  return { ok: false, refused };
}
