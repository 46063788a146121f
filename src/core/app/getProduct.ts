import type { HttpResponse } from '../model/messages.ts';
import { byteLength } from '../protocols/byteLength.ts';
import { headerValue } from '../protocols/http.ts';
import { COST_MS } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { explain, respond } from './AppContext.ts';
import { cacheAside } from './cacheAside.ts';
import { codeStep } from './codeStep.ts';
import { queryDatabase } from './queryDatabase.ts';
import { isFailed } from './dbFailed.ts';

/** A row or document as the API's JSON shape (`_id` becomes `id`). */
export function asProduct(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _id, ...rest } = row;
  return _id === undefined ? { ...row } : { id: _id, ...rest };
}

/**
 * GET /api/products/:id with an id the framework and code accept: cache-aside when the app has Redis, the
 * database otherwise, then 404, 304 or 200 as the handler code writes them. When the database fails, the app's
 * 500, or null when it never answers.
 */
export function getProduct(ctx: AppContext, id: number): HttpResponse | null {
  const cached = ctx.scenario.topology.appCache ? cacheAside(ctx, id) : null;
  let product: Record<string, unknown> | undefined = cached ?? undefined;
  if (!product) {
    const rows = queryDatabase(ctx, { kind: 'productById', id });
    if (isFailed(rows)) return rows.failed;
    product = rows[0] ? asProduct(rows[0]) : undefined;
    if (product && ctx.scenario.topology.appCache) cacheAside(ctx, id, JSON.stringify(product));
  }
  if (!product) {
    const answer = { kind: 'notFound' } as const;
    codeStep(
      ctx,
      'server-not-found',
      COST_MS.serialise,
      '404 Not Found',
      `No product ${id} came back, so the handler answers 404 Not Found. ${explain(ctx, answer)}`.trim(),
      null,
      'notFound',
    );
    return respond(ctx, answer);
  }
  const tag = ctx.profile.response.productTag(product);
  if (headerValue(ctx.request.headers, 'If-None-Match') === tag) {
    const answer = { kind: 'notModified', product } as const;
    codeStep(
      ctx,
      'server-not-modified',
      COST_MS.serialise,
      '304 Not Modified',
      `The browser sent If-None-Match: ${tag}, and the product's JSON still gives that ETag. The handler answers 304 with no body: the browser's copy is still right. ${explain(ctx, answer)}`.trim(),
      'Performance: a 304 skips sending the body; the browser reuses the bytes it already has.',
      'notModified',
    );
    return respond(ctx, answer);
  }
  const answer = { kind: 'product', product } as const;
  const preview = respond(ctx, answer);
  const cacheControl = headerValue(preview.headers, 'Cache-Control');
  codeStep(
    ctx,
    'server-respond',
    COST_MS.serialise,
    'Serialise JSON',
    `The handler turns the product into JSON (${byteLength(preview.body)} bytes) and sends 200 OK with ETag ${tag} and Cache-Control: ${cacheControl ?? 'none'}, so browsers revalidate before reusing it. ${explain(ctx, answer)}`.trim(),
    null,
    'respond',
  );
  return respond(ctx, answer);
}
