import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const coreBoundary = {
  files: ['src/core/**/*.ts'],
  ignores: ['src/core/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['react', 'react-*', 'react/*'], message: 'src/core is plain TypeScript: no React.' },
          {
            group: ['zustand', 'zustand/*', '@xyflow/*'],
            message: 'src/core imports no UI library.',
          },
          {
            group: ['**/store/**', '**/ui/**', '**/embed/**'],
            message: 'core ← store ← ui: nothing points back.',
          },
          { group: ['node:*'], message: 'src/core runs in the browser too: no Node built-ins.' },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'navigator',
        'localStorage',
        'sessionStorage',
        'location',
        'performance',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'fetch',
        'process',
      ].map((name) => ({ name, message: `src/core is pure: no ${name}; pass time and I/O in.` })),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded PRNG (core/engine/prng.ts).' },
      { object: 'Date', property: 'now', message: 'Time is passed in.' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: "NewExpression[callee.name='Date']", message: 'Time is passed in.' },
    ],
  },
};

const storeBoundary = {
  files: ['src/store/**/*.ts', 'src/store/**/*.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['**/ui/**', '**/embed/**'], message: 'store must not import the UI.' }] },
    ],
  },
};

const uiBoundary = {
  files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['**/embed/**', '**/App.tsx'], message: 'ui ← embed: the UI does not import the embed layer.' }] },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', 'playwright-report', 'test-results', 'bench/tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  coreBoundary,
  storeBoundary,
  uiBoundary,
);
