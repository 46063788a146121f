import type { HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { headerValue } from '../protocols/http.ts';
import { jsonBody } from '../protocols/jsonBody.ts';
import type { JsonBody } from '../protocols/jsonBody.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { explain, respond } from './AppContext.ts';
import { codeStep } from './codeStep.ts';
import { asProduct, getProduct } from './getProduct.ts';
import { extra } from '../extras/ExtraStages.ts';
import { allowedMethods, matchRoute } from './matchRoute.ts';
import type { RouterView } from './matchRoute.ts';
import { noRoute } from './noRoute.ts';
import { queryDatabase } from './queryDatabase.ts';
import { isFailed } from './dbFailed.ts';
import { refuseBody } from './refuseBody.ts';
import { refuseId } from './refuseId.ts';
import { CATALOG_PAGE } from '../data/shopData.ts';

/** Whether the request says its body is JSON and the body does not parse. */
const malformedJson = (request: HttpRequest, body: JsonBody): boolean =>
  body.text !== '' &&
  !body.parses &&
  /^application\/json\b/i.test(headerValue(request.headers, 'Content-Type') ?? '');

/**
 * The app server handling one forwarded request: router, middleware, handler, cache and database.
 * Returns the response it sends back to the proxy, null when it never answers (a database it waits on), or
 * 'closed' when its server closes the connection without answering (a panic in Go).
 */
export function runApp(engine: EngineContext, request: HttpRequest): HttpResponse | null | 'closed' {
  const { routing } = engine.profile;
  const path = engine.url.path;
  const router: RouterView = {
    decodes: routing.decodes,
    id:
      routing.id.refusedBy === 'router'
        ? { accepts: (segment) => routing.id.parse(segment) !== null, rule: routing.id.rule }
        : null,
  };
  const match = matchRoute(request.method, path, router);
  const body = jsonBody(request.body);
  const ctx: AppContext = { ...engine, request, body, op: match.ok ? match.route.op : null };
  if (routing.malformedBody === 'before-routing' && malformedJson(request, body))
    return refuseBody({ ...ctx, op: null });
  if (!match.ok) return noRoute(ctx, match.refused, allowedMethods(path, router));

  const { route, params } = match;
  const pattern = routing.pattern(route.pattern);
  const name = /[:{](\w+)/.exec(pattern)?.[1];
  const value = params['id'];
  codeStep(
    ctx,
    'server-route',
    COST_MS.routeMatch,
    `Route ${route.method} ${pattern}`,
    `${engine.profile.framework}'s router matches ${request.method} ${path} to the route ${pattern}${name && value !== undefined ? ` with ${name} = ${value}` : ''} and calls its handler.`,
    null,
    'route',
  );
  if (ctx.scenario.faults.handlerBug) return extra(ctx.extras, 'appFaults').handlerCrash(ctx);

  if (route.op === 'createReview') return extra(ctx.extras, 'reviews').createReview(ctx, value ?? '');
  if (route.op === 'login') return extra(ctx.extras, 'session').login(ctx);
  if (route.op === 'me') return extra(ctx.extras, 'session').me(ctx);

  if (route.op === 'findBySku' || route.op === 'listProducts') {
    const rows = queryDatabase(
      ctx,
      route.op === 'findBySku'
        ? { kind: 'productBySku', sku: ctx.url.query['sku'] ?? '' }
        : { kind: 'productPage', after: Number(ctx.url.query['after'] ?? 0) || 0, limit: CATALOG_PAGE },
    );
    if (isFailed(rows)) return rows.failed;
    const answer = { kind: 'list', items: rows.map(asProduct) } as const;
    codeStep(
      ctx,
      'server-respond',
      COST_MS.serialise,
      'Serialise JSON',
      `The handler turns the ${ctx.stack.db === 'mongodb' ? 'document' : 'row'}${rows.length === 1 ? '' : 's'} into a JSON array and sends 200 OK. ${explain(ctx, answer)}`.trim(),
      null,
      'respond',
    );
    return respond(ctx, answer);
  }

  const id = routing.id.parse(value ?? '');
  return id === null ? refuseId(ctx, value ?? '') : getProduct(ctx, id);
}
