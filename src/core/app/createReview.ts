import type { HttpResponse } from '../model/messages.ts';
import { headerValue } from '../protocols/http.ts';
import { VALID_TOKEN } from '../scenarios/baseScenario.ts';
import { COST_MS, DATABASE_INFO } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { jsonResponse } from './AppContext.ts';
import { codeStep } from './codeStep.ts';
import { validateReview } from './validateReview.ts';
import { withConnection } from './withConnection.ts';

/**
 * POST /api/products/:id/reviews: auth, validation, then, on one pooled connection, a look-up of
 * the product and the insert inside a transaction. A review of a product that does not exist is
 * answered 404 before anything is written (the foreign key would refuse it in SQL; MongoDB would not).
 * Returns null when the database never answers.
 */
export function createReview(ctx: AppContext, id: number): HttpResponse | null {
  const { request } = ctx;
  const auth = headerValue(request.headers, 'Authorization');
  const ok = auth === `Bearer ${VALID_TOKEN}`;
  codeStep(
    ctx,
    'server-auth',
    COST_MS.authCheck,
    ok ? 'Auth: token valid' : 'Auth: no valid token',
    ok
      ? 'The auth middleware checks the bearer token’s signature and expiry: it is valid, so the request may go on.'
      : `The auth middleware finds ${auth ? 'a bearer token it cannot verify' : 'no Authorization header'}. It answers 401 at once; the handler never runs.`,
    'Security: authentication runs before any handler code or query, so an anonymous request cannot touch data.',
    'auth',
  );
  if (!ok)
    return jsonResponse(ctx, 401, { error: 'Unauthorized' }, [
      ['WWW-Authenticate', auth ? 'Bearer error="invalid_token"' : 'Bearer'],
    ]);
  const input = validateReview(request.body);
  codeStep(
    ctx,
    'server-validate',
    COST_MS.validate,
    input.ok ? 'Validation passes' : 'Validation fails',
    input.ok
      ? 'The body is checked against the schema: the rating is an integer from 1 to 5 and the text is 1 to 500 characters.'
      : `The body is checked against the schema and fails: ${input.errors.map((e) => `${e.field} ${e.message}`).join('; ')}. The handler answers 422 without running any SQL.`,
    'Security: validating at the edge of the app keeps bad data out of the database.',
    'validate',
  );
  if (!input.ok) return jsonResponse(ctx, 422, { errors: input.errors });
  const { rating, body } = input.value;

  const saved = withConnection(ctx, (run) => {
    const [product] = run(
      { kind: 'productById', id },
      { slug: 'lookup', purpose: `Before writing anything, the handler checks that product ${id} exists.` },
    );
    if (!product) return { found: false } as const;
    const [row] = run({ kind: 'insertReview', productId: id, rating, body });
    return { found: true, newId: row?.['id'] } as const;
  });
  if (!saved) return null;
  if (!saved.found) {
    const name = DATABASE_INFO[ctx.stack.db].name;
    codeStep(
      ctx,
      'server-not-found',
      COST_MS.serialise,
      '404 Not Found',
      `There is no product ${id}, so there is nothing to review: the handler answers 404 and writes nothing.`,
      ctx.stack.db === 'mongodb'
        ? 'Integrity: MongoDB has no foreign keys and would store a review of a product that does not exist; this check is the only guard.'
        : `Integrity: the foreign key from reviews.product_id to products.id would make ${name} refuse the row anyway; checking first turns that into a clear 404.`,
      'notFound',
    );
    return jsonResponse(ctx, 404, { error: 'Not Found' });
  }
  codeStep(
    ctx,
    'server-respond',
    COST_MS.serialise,
    '201 Created',
    'The row is committed, so the handler answers 201 Created with the new review and a Location header pointing at it.',
    null,
    'respond',
  );
  const created = { id: saved.newId, product_id: id, rating, body };
  return jsonResponse(ctx, 201, created, [['Location', `/api/products/${id}/reviews/${String(saved.newId)}`]]);
}
