import { describe, expect, it } from 'vitest';
import { MAX_ID, allowedMethods, matchRoute } from './matchRoute.ts';

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
    expect(matchRoute('POST', '/api/products/abc/reviews')).toMatchObject({
      ok: false,
      refused: { name: 'id' },
    });
  });

  it('answers no route, refusing nothing, for a path of no route’s shape or the wrong method', () => {
    expect(matchRoute('GET', '/api/prodcuts/42')).toEqual({ ok: false, refused: null });
    expect(matchRoute('POST', '/api/products/42')).toEqual({ ok: false, refused: null });
    expect(matchRoute('GET', '/api/products/')).toEqual({ ok: false, refused: null });
  });
});

describe('matchRoute through a framework’s eyes', () => {
  const anyId = { decodes: true, id: null };
  it('a router that decodes the path matches %-escaped segments and hands over decoded parameters', () => {
    expect(matchRoute('GET', '/api/%70roducts/%34%32', anyId)).toEqual({
      ok: true,
      route: expect.objectContaining({ op: 'getProduct' }),
      params: { id: '42' },
    });
    expect(matchRoute('GET', '/api/%70roducts/42', { decodes: false, id: null }).ok).toBe(false);
    expect(matchRoute('GET', '/api/products/%34%32', { decodes: false, id: null })).toMatchObject({
      ok: true,
      params: { id: '42' },
    });
  });

  it('without a route constraint any non-empty segment is an id; with one, the constraint decides', () => {
    expect(matchRoute('GET', '/api/products/abc', anyId)).toMatchObject({ ok: true, params: { id: 'abc' } });
    const digits = {
      decodes: false,
      id: { accepts: (s: string) => /^\d{1,9}$/.test(s), rule: '/\\d{1,9}/' },
    };
    expect(matchRoute('GET', '/api/products/1234567890', digits)).toMatchObject({
      ok: false,
      refused: { value: '1234567890', rule: '/\\d{1,9}/' },
    });
  });

  it('says which methods the path has routes for, for a 405', () => {
    expect(allowedMethods('/api/products/42', anyId)).toEqual(['GET']);
    expect(allowedMethods('/api/products/42/reviews', anyId)).toEqual(['POST']);
    expect(allowedMethods('/api/prodcuts/42', anyId)).toEqual([]);
  });
});
