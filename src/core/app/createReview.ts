import type { HttpResponse } from '../model/messages.ts';
import { headerValue } from '../protocols/http.ts';
import { COST_MS, DATABASE_INFO, VALID_TOKEN } from '../world/world.ts';
import type { AppContext } from './AppContext.ts';
import { explain, respond } from './AppContext.ts';
import { codeStep } from './codeStep.ts';
import { refuseBody } from './refuseBody.ts';
import { refuseId } from './refuseId.ts';
import { validateReview } from './validateReview.ts';
import type { ReviewCheck, ReviewInput } from './validateReview.ts';
import { reviewPlan } from './reviewPlan.ts';
import type { Answer } from '../stacks/frameworks/Framework.ts';
import { withConnection } from './withConnection.ts';
import { isFailed } from './dbFailed.ts';

/**
 * POST /api/products/:id/reviews: auth, validation, then, on one pooled connection, a transaction that
 * looks the product up with a share lock on its row and inserts the review (on MongoDB, whose single-document
 * write is atomic, the look-up and the insert without one). Each framework checks in its own order: a body it cannot
 * parse may be refused before auth, an id its conversion refuses is answered before the body is read,
 * one it validates is reported with the body's errors, one the handler checks comes last. A review of a
 * product that does not exist is answered 404 before anything is written (the foreign key would refuse it
 * in SQL; MongoDB would not). Returns null when the database never answers.
 */
export function createReview(ctx: AppContext, rawId: string): HttpResponse | null {
  const { request, profile } = ctx;
  const { routing } = profile;
  const id = routing.id.parse(rawId);
  const input = validateReview(ctx.body);
  const auth = headerValue(request.headers, 'Authorization');
  const plan = reviewPlan(
    { malformedBody: routing.malformedBody, refusedBy: routing.id.refusedBy },
    {
      idOk: id !== null,
      bodyParses: ctx.body.parses,
      bodyValid: input.ok,
      tokenOk: auth === `Bearer ${VALID_TOKEN}`,
    },
  );
  for (const stage of plan) {
    switch (stage.kind) {
      case 'refuseBody':
        return refuseBody(ctx);
      case 'auth':
        if (!narrateAuth(ctx, stage.ok, auth)) return respond(ctx, unauthorized(auth));
        break;
      case 'refuseId':
        return refuseId(ctx, rawId);
      case 'validate':
        if (!narrateValidation(ctx, rawId, input, stage))
          return respond(ctx, invalidAnswer(ctx, stage, rawId));
        break;
      case 'write':
        if (id === null || !input.ok) throw new Error('reviewPlan writes only a valid review of a valid id');
        return writeReview(ctx, id, input.value);
    }
  }
  throw new Error('reviewPlan always ends with a stage that answers');
}

const unauthorized = (auth: string | undefined): Answer => ({
  kind: 'unauthorized',
  challenge: auth ? 'Bearer error="invalid_token"' : 'Bearer',
});

const invalidAnswer = (ctx: AppContext, stage: { readonly pathBad: boolean }, rawId: string): Answer => ({
  kind: 'invalid',
  body: ctx.body,
  badId: stage.pathBad ? rawId : null,
});

/** The auth check's step; returns whether the request may go on. */
function narrateAuth(ctx: AppContext, ok: boolean, auth: string | undefined): boolean {
  const { routing } = ctx.profile;
  codeStep(
    ctx,
    'server-auth',
    COST_MS.authCheck,
    ok ? 'Auth: token valid' : 'Auth: no valid token',
    ok
      ? `${capital(routing.auth)} checks the bearer token’s signature and expiry: it is valid, so the request may go on.`
      : `${capital(routing.auth)} finds ${auth ? 'a bearer token it cannot verify' : 'no Authorization header'}. It answers 401 at once: nothing past this check runs. ${explain(ctx, unauthorized(auth))}`.trim(),
    'Security: authentication runs before any handler code or query, so an anonymous request cannot touch data.',
    'auth',
  );
  return ok;
}

/** The validation step; returns whether the review passed. */
function narrateValidation(
  ctx: AppContext,
  rawId: string,
  input: ReviewCheck,
  stage: { readonly ok: boolean; readonly pathBad: boolean },
): boolean {
  const problems = [
    ...(stage.pathBad ? [`the id "${rawId}" is not an int from 1 to 2³¹ − 1`] : []),
    ...(input.ok ? [] : input.errors.map((e) => `${e.field} ${e.message}`)),
  ];
  codeStep(
    ctx,
    'server-validate',
    COST_MS.validate,
    stage.ok ? 'Validation passes' : 'Validation fails',
    stage.ok
      ? 'The body is checked against the schema: the rating is an integer from 1 to 5 and the text is 1 to 500 characters.'
      : `The request is checked against the schema and fails: ${problems.join('; ')}. ${explain(ctx, invalidAnswer(ctx, stage, rawId))} No query runs.`,
    'Security: validating at the edge of the app keeps bad data out of the database.',
    'validate',
  );
  return stage.ok;
}

/** The look-up of the product and the insert, on one connection; the 404 or the 201. */
function writeReview(ctx: AppContext, id: number, input: ReviewInput): HttpResponse | null {
  const { rating, body } = input;

  const sql = ctx.stack.db !== 'mongodb';
  const saved = withConnection(ctx, (run) => {
    if (sql) run({ kind: 'transaction', control: 'begin' });
    const [product] = run(
      { kind: 'productById', id, lock: sql },
      {
        slug: 'lookup',
        purpose: sql
          ? `Inside the transaction, the handler checks that product ${id} exists and locks its row, so the answer stays true until COMMIT.`
          : `Before writing anything, the handler checks that product ${id} exists.`,
      },
    );
    if (!product) {
      if (sql) run({ kind: 'transaction', control: 'rollback' });
      return { found: false } as const;
    }
    const [row] = run({ kind: 'insertReview', productId: id, rating, body });
    if (sql) run({ kind: 'transaction', control: 'commit' });
    return { found: true, newId: row?.['id'] } as const;
  });
  if (isFailed(saved)) return saved.failed;
  if (!saved.found) {
    const name = DATABASE_INFO[ctx.stack.db].name;
    codeStep(
      ctx,
      'server-not-found',
      COST_MS.serialise,
      '404 Not Found',
      `There is no product ${id}, so there is nothing to review: the handler answers 404 and writes nothing. ${explain(ctx, { kind: 'notFound' })}`.trim(),
      ctx.stack.db === 'mongodb'
        ? 'Integrity: MongoDB has no foreign keys and would store a review of a product that does not exist; this check is the only guard.'
        : `Integrity: the foreign key from reviews.product_id to products.id would make ${name} refuse the row anyway; checking first turns that into a clear 404.`,
      'notFound',
    );
    return respond(ctx, { kind: 'notFound' });
  }
  const created = { id: saved.newId, product_id: id, rating, body };
  const answer = {
    kind: 'created',
    review: created,
    location: `/api/products/${id}/reviews/${String(saved.newId)}`,
  } as const;
  codeStep(
    ctx,
    'server-respond',
    COST_MS.serialise,
    '201 Created',
    `${ctx.stack.db === 'mongodb' ? 'The document is stored' : ctx.profile.commitUnawaited ? 'COMMIT is on its way but not yet answered' : 'The row is committed'}, so the handler answers 201 Created with the new review and a Location header pointing at it. ${explain(ctx, answer)}`.trim(),
    null,
    'respond',
  );
  return respond(ctx, answer);
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
