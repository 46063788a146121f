import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGES } from './stack.ts';

describe('stacks', () => {
  it('offers seven languages and three databases: twenty-one stacks', () => {
    expect(LANGUAGES.length * DATABASES.length).toBe(21);
  });
});
