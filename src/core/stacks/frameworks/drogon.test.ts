import { describe, expect, it } from 'vitest';
import { httpRequest } from '../../protocols/http.ts';
import { drogon, DROGON_NOT_FOUND } from './drogon.ts';
import { buildTimeline } from '../../engine/buildTimeline.ts';
import { scenarioById } from '../../scenarios/index.ts';
import type { Timeline } from '../../model/timeline.ts';

const respond = (method: string, target: string, allowed: readonly string[]) =>
  drogon.response.respond({ kind: 'noRoute', allowed }, httpRequest(method, target, []), 0);

describe('Drogon 1.9.13', () => {
  it('a wrong method on a plain path is a 405 with no body and no Allow (defaultErrorHandler)', () => {
    const r = respond('POST', '/api/products?sku=SKU-0042', ['GET']);
    expect([r.status, r.reason, r.body]).toEqual([405, 'Method Not Allowed', '']);
    expect(r.headers.map(([n]) => n)).toEqual(['content-length', 'content-type', 'server', 'date']);
  });

  it('a wrong method on a {placeholder} route is a 404: the regex routes are tried only for their methods', () => {
    const r = respond('POST', '/api/products/42', ['GET']);
    expect([r.status, r.body]).toEqual([404, DROGON_NOT_FOUND]);
  });

  it('writes content-length, content-type, server, the handler’s headers, then date, in lower case', () => {
    const r = drogon.response.respond(
      { kind: 'product', product: { stock: 3, id: 42 } },
      httpRequest('GET', '/api/products/42', []),
      0,
    );
    expect(r.headers.map(([n]) => n)).toEqual([
      'content-length',
      'content-type',
      'server',
      'cache-control',
      'etag',
      'date',
    ]);
    expect(r.body).toBe('{"id":42,"stock":3}');
  });

  it('a 304 carries content-length: 0 and no content-type (CT_NONE)', () => {
    const r = drogon.response.respond(
      { kind: 'notModified', product: { id: 42 } },
      httpRequest('GET', '/api/products/42', []),
      0,
    );
    expect(r.headers.slice(0, 2)).toEqual([
      ['content-length', '0'],
      ['server', 'drogon/1.9.13'],
    ]);
  });

  it('std::stoi takes the leading digits: "12abc" is 12, "abc" and "2147483648" are refused', () => {
    const { parse } = drogon.routing.id;
    expect([parse('12abc'), parse(' 7'), parse('abc'), parse('2147483648')]).toEqual([12, 7, null, null]);
  });
});

describe('Drogon’s COMMIT is not awaited (TransactionImpl’s destructor queues it with queueInLoop)', () => {
  const postCreate = scenarioById('post-create')!;
  const at = (t: Timeline, id: string) => t.steps.find((s) => s.id === id)!;

  it.each(['postgres', 'mysql'] as const)(
    'cpp+%s: the 201 leaves the app before COMMIT’s answer arrives',
    (db) => {
      const t = buildTimeline(postCreate, { lang: 'cpp', db });
      const commit = at(t, 'db-commit');
      const answer = at(t, 'db-commit-result');
      const respond = t.steps.find(
        (s) => s.from === 'app' && s.to === 'proxy' && s.direction === 'response',
      )!;
      expect(respond.startMs).toBeLessThan(answer.startMs);
      expect(at(t, 'server-respond').startMs).toBe(commit.startMs);
      expect(at(t, 'server-respond').narration).toMatch(/COMMIT is on its way but not yet answered/);
      // The pool gets the connection back only when COMMIT has been answered.
      expect(at(t, 'db-release').startMs).toBeGreaterThanOrEqual(answer.startMs + answer.durationMs);
      t.steps.forEach((s, i) => expect(s.index).toBe(i));
    },
  );

  it('node+postgres (pg awaits COMMIT): the 201 waits for the answer', () => {
    const t = buildTimeline(postCreate, { lang: 'node', db: 'postgres' });
    const answer = at(t, 'db-commit-result');
    expect(at(t, 'server-respond').startMs).toBeGreaterThan(answer.startMs);
  });
});
