import { describe, expect, it } from 'vitest';
import { grammarFor } from './grammarFor.ts';
import { highlight } from './highlight.ts';

describe('C++ handler code', () => {
  it('has its own grammar, by its profile’s name or as C++', () => {
    expect(grammarFor('cpp')).toBe('cpp');
    expect(grammarFor('C++')).toBe('cpp');
  });

  it('colours coroutine keywords, calls, strings and // comments', () => {
    const tokens = highlight(
      'auto rows = co_await db->execSqlCoro("SELECT 1", id); // Drogon prepares it',
      'cpp',
    ).filter((t) => t.kind !== 'plain');
    expect(tokens).toEqual([
      { kind: 'keyword', text: 'auto' },
      { kind: 'keyword', text: 'co_await' },
      { kind: 'function', text: 'execSqlCoro' },
      { kind: 'string', text: '"SELECT 1"' },
      { kind: 'comment', text: '// Drogon prepares it' },
    ]);
  });
});
