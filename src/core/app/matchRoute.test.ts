import { describe, expect, it } from 'vitest';
import { MAX_ID, matchRoute } from './matchRoute.ts';

describe('matchRoute', () => {
  it('matches a product route and hands over its id', () => {
    const m = matchRoute('GET', '/api/products/42');
    expect(m.ok && m.route.op).toBe('getProduct');
    expect(m.ok && m.params).toEqual({ id: '42' });
    const post = matchRoute('POST', '/api/products/7/reviews');
    expect(post.ok && post.route.op).toBe('createReview');
  });

  it('takes only a whole number the id column can hold as :id, saying which value it refused', () => {
    for (const id of ['abc', '4.2', '-1', '1e3', '0x10', String(MAX_ID + 1), '99999999999']) {
      const m = matchRoute('GET', `/api/products/${id}`);
      expect(m, id).toEqual({ ok: false, refused: expect.objectContaining({ name: 'id', value: id }) });
    }
    expect(matchRoute('GET', `/api/products/${MAX_ID}`).ok).toBe(true);
    expect(matchRoute('POST', '/api/products/abc/reviews')).toMatchObject({ ok: false, refused: { name: 'id' } });
  });

  it('answers no route, refusing nothing, for a path of no route’s shape or the wrong method', () => {
    expect(matchRoute('GET', '/api/prodcuts/42')).toEqual({ ok: false, refused: null });
    expect(matchRoute('POST', '/api/products/42')).toEqual({ ok: false, refused: null });
    expect(matchRoute('GET', '/api/products/')).toEqual({ ok: false, refused: null });
  });
});
