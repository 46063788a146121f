import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES } from './stack.ts';

describe('stacks', () => {
  it('offers six languages and three databases: eighteen stacks', () => {
    expect(LANGUAGES.length * DATABASES.length).toBe(18);
  });
});
