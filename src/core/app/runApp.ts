import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../engine/EngineContext.ts';
import { internal } from '../engine/EngineContext.ts';
import { etag } from '../protocols/etag.ts';
import { headerValue, httpResponse } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { jsonResponse } from './AppContext.ts';
import { codeStep } from './codeStep.ts';
import { createReview } from './createReview.ts';
import { matchRoute } from './matchRoute.ts';
import { queryDatabase } from './queryDatabase.ts';
import { cacheAside } from './cacheAside.ts';

/**
 * The app server handling one forwarded request: router, middleware, handler, cache and database.
 * Returns the response it sends back to the proxy, or null when it never answers (the database is down).
 */
export function runApp(engine: EngineContext, request: HttpRequest): HttpResponse | null {
  const path = engine.url.path;
  const match = matchRoute(request.method, path);
  const ctx: AppContext = { ...engine, request, op: match.ok ? match.route.op : null };
  const fw = ctx.profile.framework;

  if (!match.ok) {
    const { refused } = match;
    ctx.b.local('app', COST_MS.routeMatch, {
      id: 'server-no-route',
      phase: 'server',
      title: 'No route matches',
      narration: refused
        ? `${fw}'s router compares ${request.method} ${path} with every route it knows. ${refused.route.pattern} only takes ${refused.rule} as :${refused.name}, and "${refused.value}" is not one, so no route matches and the not-found handler answers 404.`
        : `${fw}'s router compares ${request.method} ${path} with every route it knows. None matches, so the not-found handler answers 404.`,
      why: refused
        ? 'Security: a route that only accepts a numeric id keeps malformed input away from the handler and the database.'
        : 'Robustness: an unknown path costs microseconds and touches nothing else.',
      message: internal(
        `no route for ${request.method} ${path}`,
        refused
          ? `${request.method} ${path} → no matching route (${refused.route.pattern}: :${refused.name} must be ${refused.rule}) → 404`
          : `${request.method} ${path} → no matching route → 404`,
      ),
    });
    return jsonResponse(ctx, 404, { error: 'Not Found' });
  }
  const { route, params } = match;
  codeStep(
    ctx,
    'server-route',
    COST_MS.routeMatch,
    `Route ${route.method} ${route.pattern}`,
    `${fw}'s router matches ${request.method} ${path} to the route ${route.pattern}${params['id'] ? ` with id = ${params['id']}` : ''} and calls its handler.`,
    null,
    'route',
  );

  if (route.op === 'createReview') return createReview(ctx, Number(params['id']));

  if (route.op === 'findBySku') {
    const sku = ctx.url.query['sku'] ?? '';
    const rows = queryDatabase(ctx, { kind: 'productBySku', sku });
    if (!rows) return null;
    codeStep(
      ctx,
      'server-respond',
      COST_MS.serialise,
      'Serialise JSON',
      `The handler turns the ${rows.length === 1 ? 'row' : 'rows'} into a JSON array and sends 200 OK.`,
      null,
      'respond',
    );
    return jsonResponse(ctx, 200, rows.map(asProduct));
  }

  const id = Number(params['id']);
  const cached = ctx.scenario.topology.appCache ? cacheAside(ctx, id) : null;
  let product: Record<string, unknown> | undefined = cached ?? undefined;
  if (!product) {
    const rows = queryDatabase(ctx, { kind: 'productById', id });
    if (!rows) return null;
    product = rows[0] ? asProduct(rows[0]) : undefined;
    if (product && ctx.scenario.topology.appCache) cacheAside(ctx, id, JSON.stringify(product));
  }
  if (!product) {
    codeStep(
      ctx,
      'server-not-found',
      COST_MS.serialise,
      '404 Not Found',
      `No product ${id} came back, so the handler answers 404 Not Found.`,
      null,
      'notFound',
    );
    return jsonResponse(ctx, 404, { error: 'Not Found' });
  }
  const body = JSON.stringify(product);
  const tag = etag(body);
  if (headerValue(request.headers, 'If-None-Match') === tag) {
    codeStep(
      ctx,
      'server-not-modified',
      COST_MS.serialise,
      '304 Not Modified',
      `The browser sent If-None-Match: ${tag}, and the fresh body hashes to the same ETag. The handler answers 304 with no body: the browser's copy is still right.`,
      'Performance: a 304 skips sending the body; the browser reuses the bytes it already has.',
      'notModified',
    );
    return httpResponse(304, [
      ...ctx.profile.defaultHeaders,
      ['ETag', tag],
      ['Cache-Control', 'no-cache'],
      ['Date', httpDate(ctx.b.now())],
    ]);
  }
  codeStep(
    ctx,
    'server-respond',
    COST_MS.serialise,
    'Serialise JSON',
    `The handler turns the product into JSON (${body.length} bytes), computes its ETag ${tag} and sends 200 OK with Cache-Control: no-cache, so browsers revalidate before reuse.`,
    null,
    'respond',
  );
  return jsonResponse(ctx, 200, product, [
    ['Cache-Control', 'no-cache'],
    ['ETag', tag],
  ]);
}

/** A row or document as the API's JSON shape (`_id` becomes `id`). */
function asProduct(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _id, ...rest } = row;
  return _id === undefined ? { ...row } : { id: _id, ...rest };
}
