import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Every file ESLint can parse under src/core, whatever its extension: a `.tsx` or `.js` is core too. */
const CORE_FILES = ['src/core/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
const CORE_TESTS = ['src/core/**/*.test.*', 'src/core/**/*.spec.*'];

const coreImports = [
  { group: ['react', 'react-*', 'react/*'], message: 'src/core is plain TypeScript: no React.' },
  { group: ['zustand', 'zustand/*', '@xyflow/*'], message: 'src/core imports no UI library.' },
  {
    group: ['**/store/**', '**/ui/**', '**/embed/**', '**/App.tsx'],
    message: 'core ← store ← ui: nothing points back.',
  },
  { group: ['node:*'], message: 'src/core runs in the browser too: no Node built-ins.' },
];

/**
 * The core sees only the language's own globals (ECMAScript's, from ecmaVersion): no browser or Node
 * globals are declared for it, so `no-undef` refuses `window`, `self`, `setTimeout`, `fetch`, `crypto`,
 * `require`… whatever the spelling. These ES globals are refused by name: `globalThis` reaches everything
 * else, `Date` reads the clock (with or without `new`), `Intl` formats with the machine's locale and clock,
 * `eval` and `Function` run any string, `WeakRef` and `FinalizationRegistry` follow the garbage collector.
 */
const impureEsGlobals = ['globalThis', 'Date', 'Intl', 'eval', 'Function', 'WeakRef', 'FinalizationRegistry'];

/** The web platform's pure parsers and codecs, the same in every browser and in Node. */
const pureWebGlobals = {
  URL: 'readonly',
  URLSearchParams: 'readonly',
  TextEncoder: 'readonly',
  TextDecoder: 'readonly',
};

const corePurity = {
  files: CORE_FILES,
  ignores: CORE_TESTS,
  languageOptions: { globals: pureWebGlobals },
  rules: {
    'no-undef': 'error',
    'no-restricted-imports': ['error', { patterns: coreImports }],
    'no-restricted-globals': [
      'error',
      ...impureEsGlobals.map((name) => ({
        name,
        message: `src/core is pure: no ${name}; pass time and I/O in.`,
      })),
    ],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded PRNG (core/journey/prng.ts).' },
      { object: 'URL', property: 'createObjectURL', message: 'src/core is pure: no blob URLs.' },
      { object: 'URL', property: 'revokeObjectURL', message: 'src/core is pure: no blob URLs.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "MemberExpression[object.name='Math'][computed=true]:not([property.type='Literal'])",
        message: 'Name the Math function: a computed key can reach Math.random.',
      },
      {
        selector: "Identifier[name='Math']:not(MemberExpression > Identifier.object)",
        message: 'Use Math where it stands: an alias can reach Math.random.',
      },
      {
        selector: "MemberExpression[property.name='constructor'][object.property.name='constructor']",
        message: 'x.constructor.constructor is Function: it runs any string.',
      },
      {
        selector: 'ImportExpression',
        message: 'src/core imports statically, so the import rules can see it.',
      },
      {
        selector:
          ':matches(ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration)[source.value=/\\.(test|spec)(\\.[cm]?[jt]sx?)?$/]',
        message: "Code under src/core does not import tests (a test file is not held to the core's rules).",
      },
    ],
  },
};

/** The core's tests may use the test runner's globals, but import neither React nor the upper layers. */
const coreTests = {
  files: CORE_TESTS,
  rules: { 'no-restricted-imports': ['error', { patterns: coreImports }] },
};

/**
 * One door into the core (as xyflow's React package reaches `@xyflow/system` only through its barrel): outside
 * src/core, code imports `src/core/index.ts` and nothing under it (and `src/core/builder.ts`, the builder's door,
 * kept apart so its code is not in the first load). The truth tests and the benchmarks are
 * exempt: they check internals (a serialiser against a real server, a bench-only scenario) on purpose.
 */
const coreDoorPattern = {
  regex: '(^|/)core/(?!(index|builder)\\.ts$)',
  message: 'Import the core through src/core/index.ts (export what you need there).',
};

const coreDoor = {
  files: [
    'src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
    'scripts/**/*.ts',
    'tests/unit/**/*.{ts,tsx}',
    'tests/e2e/**/*.ts',
  ],
  ignores: CORE_FILES,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [coreDoorPattern],
      },
    ],
  },
};

const storeBoundary = {
  files: ['src/store/**/*.ts', 'src/store/**/*.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/ui/**', '**/embed/**'], message: 'store must not import the UI.' },
          coreDoorPattern,
        ],
      },
    ],
  },
};

const uiBoundary = {
  files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/embed/**', '**/App.tsx'],
            message: 'ui ← embed: the UI does not import the embed layer.',
          },
          coreDoorPattern,
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-single', 'node_modules', 'playwright-report', 'test-results', 'bench/tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Everything but the core runs in a browser or in Node; the core gets only ECMAScript's globals.
    ignores: CORE_FILES,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  { files: CORE_TESTS, languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  corePurity,
  coreTests,
  coreDoor,
  storeBoundary,
  uiBoundary,
);
