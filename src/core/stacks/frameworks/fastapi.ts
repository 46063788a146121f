import type { Header, HttpRequest, HttpResponse } from '../../model/messages.ts';
import { byteLength } from '../../protocols/byteLength.ts';
import { etag } from '../../protocols/etag.ts';
import { httpResponse } from '../../protocols/http.ts';
import { httpDate } from '../../protocols/httpDate.ts';
import { jsonText } from '../../protocols/jsonText.ts';
import type { Answer, Framework, Json } from './Framework.ts';
import { bracedParams } from './Framework.ts';
import { pydanticInt, reviewErrors } from './pydantic.ts';
import type { PydanticError } from './pydantic.ts';
import { pythonJsonError } from './pythonJsonError.ts';
import { reviewFields } from './reviewFields.ts';
import type { JsonBody } from '../../protocols/jsonBody.ts';

const JSON_TYPE = 'application/json';
const MAX_ID = 2 ** 31 - 1;

/** What `id: ProductId` (Annotated[int, Path(ge=1, le=2**31 - 1)]) makes of a path segment. */
const pathId = (segment: string): { readonly value: number } | { readonly error: PydanticError } =>
  pydanticInt(segment, ['path', 'id'], 1, MAX_ID);

/** The handler's own body: json.dumps with compact separators and its default ensure_ascii. */
const productBody = (product: Json): string => jsonText(product, 'ascii');

/**
 * A JSONResponse: uvicorn's date first (and its server, onUvicorn), then the headers handed to the
 * response, then Starlette's content-length and content-type, then a sub-response's headers.
 */
function json(
  status: number,
  value: unknown,
  now: number,
  given: readonly Header[] = [],
  after: readonly Header[] = [],
): HttpResponse {
  const body = jsonText(value);
  return httpResponse(
    status,
    [
      ['Date', httpDate(now)],
      ...given,
      ['Content-Length', String(byteLength(body))],
      ['Content-Type', JSON_TYPE],
      ...after,
    ],
    body,
  );
}

/** The 422 FastAPI answers for a review: json_invalid when Python cannot parse it, else the path's and the model's errors. */
function invalid(body: JsonBody, badId: string | null, now: number): HttpResponse {
  const broken = pythonJsonError(body.text);
  if (broken) {
    const error = {
      type: 'json_invalid',
      loc: ['body', broken.pos],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: broken.msg },
    };
    return json(422, { detail: [error] }, now);
  }
  const id = badId === null ? null : pathId(badId);
  const errors = [...(id && 'error' in id ? [id.error] : []), ...reviewErrors(reviewFields(body))];
  return json(422, { detail: errors }, now);
}

/**
 * The response as uvicorn writes it: its default headers date and server first, and every name in lower
 * case, as Starlette stores the headers it is given and its own (checked on a real uvicorn in
 * tests/truth/uvicorn.test.ts). The responses above are written with Date where uvicorn puts both.
 */
const onUvicorn = (response: HttpResponse): HttpResponse => ({
  ...response,
  headers: response.headers.flatMap(([name, value]): Header[] =>
    name === 'Date'
      ? [
          ['date', value],
          ['server', 'uvicorn'],
        ]
      : [[name.toLowerCase(), value]],
  ),
});

function respond(answer: Answer, request: HttpRequest, now: number): HttpResponse {
  return onUvicorn(starletteResponse(answer, request, now));
}

function starletteResponse(answer: Answer, _request: HttpRequest, now: number): HttpResponse {
  switch (answer.kind) {
    case 'product': {
      const body = productBody(answer.product);
      return httpResponse(
        200,
        [
          ['Date', httpDate(now)],
          ['Cache-Control', 'no-cache'],
          ['ETag', etag(body)],
          ['Content-Length', String(byteLength(body))],
          ['Content-Type', JSON_TYPE],
        ],
        body,
      );
    }
    case 'notModified':
      return httpResponse(304, [
        ['Date', httpDate(now)],
        ['Cache-Control', 'no-cache'],
        ['ETag', etag(productBody(answer.product))],
      ]);
    case 'session':
      // SessionMiddleware appends its Set-Cookie at http.response.start, after the response's own headers.
      return json(200, answer.user, now, [], answer.headers);
    case 'list':
      return json(200, answer.items, now);
    case 'created':
      return json(201, answer.review, now, [], [['Location', answer.location]]);
    case 'notFound':
      return json(404, { detail: 'Not Found' }, now);
    case 'badId': {
      const id = pathId(answer.value);
      return json(422, { detail: 'error' in id ? [id.error] : [] }, now);
    }
    case 'unauthorized':
      return json(401, { detail: 'Not authenticated' }, now, [['WWW-Authenticate', answer.challenge]]);
    case 'invalid':
      return invalid(answer.body, answer.badId, now);
    case 'noRoute':
      return answer.allowed.length > 0
        ? json(405, { detail: 'Method Not Allowed' }, now, [['Allow', answer.allowed.join(', ')]])
        : json(404, { detail: 'Not Found' }, now);
  }
}

/**
 * Starlette's ServerErrorMiddleware with debug off: PlainTextResponse("Internal Server Error", 500); it
 * re-raises, so uvicorn logs the traceback and, the response having started, closes the connection
 * (checked on a real uvicorn and Starlette in tests/truth/serverError.test.ts).
 */
const uncaught = (request: HttpRequest, now: number, peer: string) => {
  const body = 'Internal Server Error';
  return {
    response: onUvicorn(
      httpResponse(
        500,
        [
          ['Date', httpDate(now)],
          ['Content-Length', String(byteLength(body))],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        body,
      ),
    ),
    // uvicorn's access line comes first: Starlette has sent the 500 before it re-raises. Python 3.11 and
    // later mark the failing expression with carets (checked against uvicorn's log in serverError.test.ts).
    log: [
      `INFO:     ${peer} - "${request.method} ${request.target} HTTP/1.1" 500 Internal Server Error`,
      'ERROR:    Exception in ASGI application',
      'Traceback (most recent call last):',
      '  …',
      '  File "/srv/shop/app/main.py", line 31, in get_product',
      '    wanted = fields.split(",")',
      '             ^^^^^^^^^^^^',
      "AttributeError: 'NoneType' object has no attribute 'split'",
    ].join('\n'),
    explain:
      'Starlette’s outermost middleware catches it and answers 500 with the plain text "Internal Server Error" (the traceback only with debug=True), then re-raises it so uvicorn logs the traceback and closes the connection.',
  };
};

function explain(answer: Answer, response: HttpResponse): string {
  switch (answer.kind) {
    case 'noRoute':
      return response.status === 405
        ? `The path matches a route, but only for ${answer.allowed.join(', ')}: Starlette's router answers 405 Method Not Allowed with an Allow header, and FastAPI writes it as {"detail": …}.`
        : 'Starlette’s router raises a 404, and FastAPI writes it as {"detail":"Not Found"}.';
    case 'badId':
      return `FastAPI validates the path parameter before calling the handler: ${JSON.stringify(answer.value)} is not an int from 1 to 2³¹ − 1, so it answers 422 with pydantic's error list and the handler never runs.`;
    case 'invalid':
      return 'FastAPI validates the body against the NewReview model before calling the handler and answers 422 with pydantic’s list of errors: type, location, message and the input it refused.';
    case 'notFound':
      return 'HTTPException(404) becomes {"detail":"Not Found"}: FastAPI puts every error under "detail".';
    case 'unauthorized':
      return 'The dependency raises HTTPException(401) with a WWW-Authenticate header; FastAPI writes it as {"detail": …}.';
    default:
      return '';
  }
}

/** FastAPI on uvicorn: the path parameter is validated as `ProductId`, with the request's other input. */
export const fastapi: Framework = {
  routing: {
    pattern: bracedParams,
    decodes: true,
    id: {
      refusedBy: 'validation',
      parse: (segment) => {
        const id = pathId(segment);
        return 'value' in id ? id.value : null;
      },
      rule: 'ProductId = Annotated[int, Path(ge=1, le=2**31 - 1)]',
    },
    malformedBody: 'before-auth',
    auth: 'the bearer_user dependency',
  },
  response: {
    productTag: (product) => etag(productBody(product)),
    respond,
    explain,
    uncaught,
  },
};
