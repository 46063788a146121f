import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES } from '../model/stack.ts';
import { httpRequest } from '../protocols/http.ts';
import { jsonBody } from '../protocols/jsonBody.ts';
import type { Answer } from './frameworks/Framework.ts';
import { LANGUAGE_PROFILES } from './languages.ts';
import type { HandlerOp } from './types.ts';

/**
 * The handler code a language file displays and the wire its framework file writes are written apart
 * (ARCHITECTURE.md, "How a response is written"), so this test keeps them from disagreeing silently:
 * every status the displayed code names is one the framework writes for that operation, and the statuses
 * the handler itself decides (404, 201, 304) are named in its code.
 */

/** How handler code names a status, in each language's own words. */
const NAMES: readonly (readonly [RegExp, number])[] = [
  [/\b(200|201|304|400|401|404|422)\b/g, 0], // a literal: its own number
  [/\bk(200|201|304|400|401|404|422)[A-Z]\w*/g, 0], // Drogon's HttpStatusCode: k201Created
  [/\bNOT_FOUND\b|:not_found\b|StatusNotFound\b|notFound\(\)/g, 404],
  [/StatusCreated\b|:created\b|\.created\(|status_code=201/g, 201],
  [/StatusNotModified\b|:not_modified\b|NOT_MODIFIED\b/g, 304],
  [/\bUNAUTHORIZED\b|:unauthorized\b|StatusUnauthorized\b/g, 401],
  [/:unprocessable_(content|entity)\b|UNPROCESSABLE_(CONTENT|ENTITY)\b|StatusUnprocessableEntity\b/g, 422],
  [/\bBAD_REQUEST\b|:bad_request\b|StatusBadRequest\b/g, 400],
];

function statusesNamed(source: string): Set<number> {
  const found = new Set<number>();
  for (const [pattern, status] of NAMES)
    for (const m of source.matchAll(pattern)) found.add(status === 0 ? Number(m[1]) : status);
  return found;
}

const REQUEST = httpRequest('GET', '/api/products/42', [['Host', 'shop.example']]);
const product = { id: 42 };

/** The answers each operation can end in, and the ones its handler code decides itself. */
const SIGNED_IN: Answer = { kind: 'session', user: { id: 7 }, headers: [] };

const ANSWERS: Readonly<Record<HandlerOp, { all: readonly Answer[]; own: readonly Answer[] }>> = {
  // A wrong password or no session is the handler's own 401 (not the Bearer check's answer, but the same status).
  login: { all: [SIGNED_IN, { kind: 'unauthorized', challenge: 'Bearer' }], own: [] },
  me: { all: [SIGNED_IN, { kind: 'unauthorized', challenge: 'Bearer' }], own: [] },
  getProduct: {
    all: [
      { kind: 'product', product },
      { kind: 'notModified', product },
      { kind: 'notFound' },
      { kind: 'badId', value: 'abc' },
    ],
    own: [{ kind: 'notFound' }],
  },
  findBySku: { all: [{ kind: 'list', items: [product] }], own: [] },
  listProducts: { all: [{ kind: 'list', items: [product] }], own: [] },
  createReview: {
    all: [
      { kind: 'created', review: { id: 1 }, location: '/api/products/42/reviews/1' },
      { kind: 'notFound' },
      { kind: 'badId', value: 'abc' },
      { kind: 'unauthorized', challenge: 'Bearer' },
      { kind: 'invalid', body: jsonBody('{"rating":9}'), badId: null },
      { kind: 'invalid', body: jsonBody('{'), badId: null },
    ],
    own: [
      { kind: 'created', review: { id: 1 }, location: '/api/products/42/reviews/1' },
      { kind: 'notFound' },
    ],
  },
};

describe('the displayed handler and the wire agree on status codes', () => {
  it.each(LANGUAGES)('%s', (lang) => {
    const profile = LANGUAGE_PROFILES[lang];
    const wire = (answer: Answer): number => profile.response.respond(answer, REQUEST, 0).status;
    for (const op of Object.keys(ANSWERS) as HandlerOp[]) {
      const written = new Set([200, ...ANSWERS[op].all.map(wire)]);
      for (const db of DATABASES) {
        const { source } = profile.handler(op, db, false);
        const named = statusesNamed(source);
        for (const status of named)
          expect(
            written,
            `${lang} ${op} ${db}: the code names ${status}; the framework writes ${[...written].join(', ')}`,
          ).toContain(status);
        for (const answer of ANSWERS[op].own)
          expect(
            named,
            `${lang} ${op} ${db}: the handler answers ${answer.kind} with ${wire(answer)}, which its code never names`,
          ).toContain(wire(answer));
      }
    }
  });

  it('would notice a handler whose 404 the wire does not write', () => {
    expect(statusesNamed("return res.status(410).json({ error: 'Gone' });")).toEqual(new Set());
    expect(statusesNamed('return render json: {}, status: :not_found')).toEqual(new Set([404]));
    expect(statusesNamed('w.WriteHeader(http.StatusCreated)')).toEqual(new Set([201]));
  });
});
