import type { IdRefusal, RoutingRules } from '../stacks/frameworks/Framework.ts';

/** What is known about a POST of a review before any check runs. */
export interface ReviewFacts {
  /** The framework's parse of the path's id succeeds. */
  readonly idOk: boolean;
  /** The body parses as JSON. */
  readonly bodyParses: boolean;
  /** The body passes the review schema (implies bodyParses). */
  readonly bodyValid: boolean;
  /** The bearer token is the one the auth check accepts. */
  readonly tokenOk: boolean;
}

/** One check the framework runs on the review, in its order; the last one of a plan decides the answer. */
export type ReviewStage =
  /** A body the framework cannot parse, refused before the auth check (FastAPI, Spring, Laravel). */
  | { readonly kind: 'refuseBody' }
  /** The bearer token check; `ok` false ends the plan with a 401. */
  | { readonly kind: 'auth'; readonly ok: boolean }
  /** The id refused, by its conversion (before the body is read) or by the handler (after validation). */
  | { readonly kind: 'refuseId' }
  /** The schema check; a path id the framework validates is reported with the body's errors (`pathBad`). */
  | { readonly kind: 'validate'; readonly ok: boolean; readonly pathBad: boolean }
  /** Every check passed: look up the product and write the review. */
  | { readonly kind: 'write' };

/** The routing rules that decide the order of the checks. */
export type ReviewRules = Pick<RoutingRules, 'malformedBody'> & { readonly refusedBy: IdRefusal };

/**
 * The checks POST /api/products/:id/reviews runs, in this framework's order, up to the one that refuses
 * (or to the write). Pure: `createReview` only narrates the plan.
 */
export function reviewPlan(rules: ReviewRules, facts: ReviewFacts): readonly ReviewStage[] {
  if (!facts.bodyParses && rules.malformedBody === 'before-auth') return [{ kind: 'refuseBody' }];
  const auth = { kind: 'auth', ok: facts.tokenOk } as const;
  if (!facts.tokenOk) return [auth];
  if (!facts.idOk && rules.refusedBy === 'conversion') return [auth, { kind: 'refuseId' }];
  const pathBad = !facts.idOk && rules.refusedBy === 'validation';
  const validate = { kind: 'validate', ok: facts.bodyValid && !pathBad, pathBad } as const;
  if (!validate.ok) return [auth, validate];
  if (!facts.idOk) return [auth, validate, { kind: 'refuseId' }];
  return [auth, validate, { kind: 'write' }];
}
