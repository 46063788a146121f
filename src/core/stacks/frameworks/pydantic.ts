import type { Json } from './Framework.ts';
import { codePoints } from './reviewFields.ts';
import type { ReviewFields } from './reviewFields.ts';

/** One error in FastAPI's 422 `detail` list, as pydantic reports it (FastAPI leaves out `url`). */
export type PydanticError = Json & {
  readonly type: string;
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly input: unknown;
};

const err = (
  type: string,
  loc: readonly (string | number)[],
  msg: string,
  input: unknown,
  ctx?: Json,
): PydanticError => (ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input });

/** pydantic's lax int from a string: trimmed, an optional sign, ASCII digits, a ".0…" tail allowed. */
function intFromString(s: string): number | null {
  const m = /^([+-]?\d+)(?:\.0*)?$/.exec(s.trim());
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** An int field with `ge`/`le` bounds, validated in lax Python mode as FastAPI does: the value or pydantic's error. */
export function pydanticInt(
  input: unknown,
  loc: readonly (string | number)[],
  ge: number,
  le: number,
): { readonly value: number } | { readonly error: PydanticError } {
  let n: number | null;
  if (typeof input === 'string') {
    n = intFromString(input);
    if (n === null)
      return {
        error: err(
          'int_parsing',
          loc,
          'Input should be a valid integer, unable to parse string as an integer',
          input,
        ),
      };
  } else if (typeof input === 'boolean') {
    n = input ? 1 : 0; // lax (Python) mode takes a bool as the int it is in Python
  } else if (typeof input === 'number') {
    if (!Number.isInteger(input))
      return {
        error: err(
          'int_from_float',
          loc,
          'Input should be a valid integer, got a number with a fractional part',
          input,
        ),
      };
    n = input;
  } else {
    return { error: err('int_type', loc, 'Input should be a valid integer', input) };
  }
  if (n < ge)
    return {
      error: err('greater_than_equal', loc, `Input should be greater than or equal to ${ge}`, input, { ge }),
    };
  if (n > le)
    return {
      error: err('less_than_equal', loc, `Input should be less than or equal to ${le}`, input, { le }),
    };
  return { value: n };
}

/**
 * The errors of NewReview(rating: int = Field(ge=1, le=5), body: str = Field(min_length=1,
 * max_length=500)) for a body that parsed as JSON, in field order.
 */
export function reviewErrors(review: ReviewFields): PydanticError[] {
  if (!review.isObject) {
    return review.parsed === null
      ? [err('missing', ['body'], 'Field required', null)]
      : [
          err(
            'model_attributes_type',
            ['body'],
            'Input should be a valid dictionary or object to extract fields from',
            review.parsed,
          ),
        ];
  }
  const { fields } = review;
  const errors: PydanticError[] = [];
  if (!('rating' in fields)) errors.push(err('missing', ['body', 'rating'], 'Field required', fields));
  else {
    const rating = pydanticInt(fields['rating'], ['body', 'rating'], 1, 5);
    if ('error' in rating) errors.push(rating.error);
  }
  const body = fields['body'];
  if (!('body' in fields)) errors.push(err('missing', ['body', 'body'], 'Field required', fields));
  else if (typeof body !== 'string')
    errors.push(err('string_type', ['body', 'body'], 'Input should be a valid string', body));
  else if (codePoints(body) < 1)
    errors.push(
      err('string_too_short', ['body', 'body'], 'String should have at least 1 character', body, {
        min_length: 1,
      }),
    );
  else if (codePoints(body) > 500)
    errors.push(
      err('string_too_long', ['body', 'body'], 'String should have at most 500 characters', body, {
        max_length: 500,
      }),
    );
  return errors;
}
