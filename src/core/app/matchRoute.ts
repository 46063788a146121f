import type { HandlerOp } from '../stacks/types.ts';

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

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/** The first route whose method and pattern match the path, with its parameters; null when none does. */
export function matchRoute(method: string, path: string): RouteMatch | null {
  const parts = path.split('/');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const part = parts[i] ?? '';
      if (p.startsWith(':')) {
        params[p.slice(1)] = part;
        return part !== '';
      }
      return p === part;
    });
    if (ok) return { route, params };
  }
  return null;
}
