export const LANGUAGES = ['node', 'python', 'java', 'ruby', 'go', 'php', 'cpp'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DATABASES = ['postgres', 'mysql', 'mongodb'] as const;
export type Database = (typeof DATABASES)[number];

/** The handler language and the database (PRODUCT.md §3). */
export interface Stack {
  readonly lang: Language;
  readonly db: Database;
}

export const DEFAULT_STACK: Stack = { lang: 'node', db: 'postgres' };
