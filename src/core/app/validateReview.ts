import type { JsonBody } from '../protocols/jsonBody.ts';

/** One field error, as the API reports it in a 422 body. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface ReviewInput {
  readonly rating: number;
  readonly body: string;
}

/** A review checked: its fields, or the errors (`unparsable` when the body is not JSON at all). */
export type ReviewCheck =
  | { readonly ok: true; readonly value: ReviewInput }
  | { readonly ok: false; readonly unparsable: boolean; readonly errors: FieldError[] };

/** Checks a review's JSON body (parsed once by the app): rating an integer 1–5, body 1–500 characters. */
export function validateReview(json: JsonBody): ReviewCheck {
  if (!json.parses)
    return { ok: false, unparsable: true, errors: [{ field: 'body', message: 'must be valid JSON' }] };
  const data = json.value;
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const { rating, body } = record;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    errors.push({ field: 'rating', message: 'must be an integer from 1 to 5' });
  }
  if (typeof body !== 'string' || body.length < 1 || body.length > 500) {
    errors.push({ field: 'body', message: 'must be 1 to 500 characters' });
  }
  return errors.length === 0 && typeof rating === 'number' && typeof body === 'string'
    ? { ok: true, value: { rating, body } }
    : { ok: false, unparsable: false, errors };
}
