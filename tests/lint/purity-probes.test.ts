import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Probes for the rules in eslint.config.js: each is linted as if it were a file at `path` in this repository
 * (lintText with filePath; nothing is written), with the repository's own configuration, and must be reported by
 * `rule`. One probe per way around the rules we know of; a clean core file and a clean UI file must lint clean.
 */
interface Probe {
  readonly name: string;
  readonly path: string;
  readonly code: string;
  readonly rule: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORE = 'src/core/probes';

const PROBES: readonly Probe[] = [
  // Files the rule did not match: every extension under src/core is core.
  {
    name: 'a .tsx file importing React',
    path: `${CORE}/probe.tsx`,
    code: "import { useState } from 'react';\nexport const s = useState;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a .tsx file reading the clock',
    path: `${CORE}/probe.tsx`,
    code: 'export const t = Date.now();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'a .mts file reading the clock',
    path: `${CORE}/probe.mts`,
    code: 'export const t = Date.now();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'a .js file setting a timer',
    path: `${CORE}/probe.js`,
    code: 'setTimeout(() => {}, 1);\n',
    rule: 'no-undef',
  },
  {
    name: 'a .cts file importing zustand',
    path: `${CORE}/probe.cts`,
    code: "import { create } from 'zustand';\nexport const c = create;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a .jsx file rendering the clock',
    path: `${CORE}/probe.jsx`,
    code: 'export const Clock = () => <time>{Date.now()}</time>;\n',
    rule: 'no-restricted-globals',
  },
  // The clock, however it is spelled.
  {
    name: 'Date() without new',
    path: `${CORE}/probe.ts`,
    code: 'export const t = Date();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'new Date()',
    path: `${CORE}/probe.ts`,
    code: 'export const t = new Date();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'Intl reading the clock',
    path: `${CORE}/probe.ts`,
    code: 'export const t = new Intl.DateTimeFormat().format();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'performance.now()',
    path: `${CORE}/probe.ts`,
    code: 'export const t = performance.now();\n',
    rule: 'no-undef',
  },
  // Randomness, however it is reached.
  {
    name: 'Math.random()',
    path: `${CORE}/probe.ts`,
    code: 'export const r = Math.random();\n',
    rule: 'no-restricted-properties',
  },
  {
    name: "Math['random']()",
    path: `${CORE}/probe.ts`,
    code: "export const r = Math['random']();\n",
    rule: 'no-restricted-properties',
  },
  {
    name: 'random destructured from Math',
    path: `${CORE}/probe.ts`,
    code: 'const { random } = Math;\nexport const r = random();\n',
    rule: 'no-restricted-properties',
  },
  {
    name: 'Math through an alias',
    path: `${CORE}/probe.ts`,
    code: 'const M = Math;\nexport const r = M.random();\n',
    rule: 'no-restricted-syntax',
  },
  {
    name: 'Math with a computed key',
    path: `${CORE}/probe.ts`,
    code: "const k = 'ran' + 'dom';\nexport const r = Math[k as 'random']();\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'crypto.getRandomValues',
    path: `${CORE}/probe.ts`,
    code: 'export const r = crypto.getRandomValues(new Uint8Array(4));\n',
    rule: 'no-undef',
  },
  {
    name: 'crypto.randomUUID',
    path: `${CORE}/probe.ts`,
    code: 'export const r = crypto.randomUUID();\n',
    rule: 'no-undef',
  },
  // The global object and its other names.
  {
    name: 'globalThis.setTimeout',
    path: `${CORE}/probe.ts`,
    code: 'globalThis.setTimeout(() => {}, 1);\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'globalThis.window',
    path: `${CORE}/probe.ts`,
    code: 'export const w = globalThis.window;\n',
    rule: 'no-restricted-globals',
  },
  {
    name: 'globalThis.Math.random()',
    path: `${CORE}/probe.ts`,
    code: 'export const r = globalThis.Math.random();\n',
    rule: 'no-restricted-globals',
  },
  {
    name: "globalThis['Date']",
    path: `${CORE}/probe.ts`,
    code: "export const t = globalThis['Date'].now();\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'self.location',
    path: `${CORE}/probe.ts`,
    code: 'export const l = self.location.href;\n',
    rule: 'no-undef',
  },
  {
    name: 'window.Math.random()',
    path: `${CORE}/probe.ts`,
    code: 'export const r = window.Math.random();\n',
    rule: 'no-undef',
  },
  { name: 'global (Node)', path: `${CORE}/probe.ts`, code: 'export const g = global;\n', rule: 'no-undef' },
  {
    name: 'document',
    path: `${CORE}/probe.ts`,
    code: "export const d = document.querySelector('main');\n",
    rule: 'no-undef',
  },
  {
    name: 'requestAnimationFrame',
    path: `${CORE}/probe.ts`,
    code: 'requestAnimationFrame(() => {});\n',
    rule: 'no-undef',
  },
  { name: 'queueMicrotask', path: `${CORE}/probe.ts`, code: 'queueMicrotask(() => {});\n', rule: 'no-undef' },
  { name: 'fetch', path: `${CORE}/probe.ts`, code: "export const f = fetch('/');\n", rule: 'no-undef' },
  {
    name: 'process.env',
    path: `${CORE}/probe.ts`,
    code: 'export const e = process.env;\n',
    rule: 'no-undef',
  },
  {
    name: 'localStorage',
    path: `${CORE}/probe.ts`,
    code: "export const v = localStorage.getItem('x');\n",
    rule: 'no-undef',
  },
  // Code run from a string.
  {
    name: 'eval',
    path: `${CORE}/probe.ts`,
    code: "export const t = eval('Date.now()');\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'Function()',
    path: `${CORE}/probe.ts`,
    code: "export const t = Function('return Date.now()')();\n",
    rule: 'no-restricted-globals',
  },
  {
    name: 'Function through constructor.constructor',
    path: `${CORE}/probe.ts`,
    code: "export const t = [].constructor.constructor('return Date.now()')();\n",
    rule: 'no-restricted-syntax',
  },
  // Imports the import rule could not see.
  {
    name: 'a dynamic import of React',
    path: `${CORE}/probe.ts`,
    code: "export const r = import('react');\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'require of React',
    path: `${CORE}/probe.ts`,
    code: "export const r = require('react');\n",
    rule: 'no-undef',
  },
  {
    name: 'a re-export of React',
    path: `${CORE}/probe.ts`,
    code: "export { useState } from 'react';\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a type import of React',
    path: `${CORE}/probe.ts`,
    code: "import type { FC } from 'react';\nexport type P = FC;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'an upper layer',
    path: `${CORE}/probe.ts`,
    code: "import { Player } from '../../ui/Player.tsx';\nexport const p = Player;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a Node built-in',
    path: `${CORE}/probe.ts`,
    code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
    rule: 'no-restricted-imports',
  },
  // Test files: not held to purity themselves, so production code may not import them, and they import no React.
  {
    name: 'core code importing a test file',
    path: `${CORE}/probe.ts`,
    code: "import { now } from './clock.test.ts';\nexport const t = now;\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'core code re-exporting a test file',
    path: `${CORE}/probe.ts`,
    code: "export { now } from './clock.test.ts';\n",
    rule: 'no-restricted-syntax',
  },
  {
    name: 'a core test importing React',
    path: `${CORE}/probe.test.tsx`,
    code: "import { useState } from 'react';\nexport const s = useState;\n",
    rule: 'no-restricted-imports',
  },
  // One door into the core: from outside it, only src/core/index.ts.
  {
    name: 'the UI reaching past the core barrel',
    path: 'src/ui/probe.ts',
    code: "import { parseHash } from '../core/link/parseHash.ts';\nexport const p = parseHash;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the store reaching past the core barrel',
    path: 'src/store/probe.ts',
    code: "import type { Pace } from '../core/playback/index.ts';\nexport type P = Pace;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'the embed layer reaching past the core barrel',
    path: 'src/embed/probe.ts',
    code: "import { NOTICES } from '../core/notices.ts';\nexport const n = NOTICES;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'App.tsx reaching past the core barrel',
    path: 'src/probe.tsx',
    code: "import { NOTICES } from './core/notices.ts';\nexport const n = NOTICES;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a script reaching past the core barrel',
    path: 'scripts/probe.ts',
    code: "import { NOTICES } from '../src/core/notices.ts';\nexport const n = NOTICES;\n",
    rule: 'no-restricted-imports',
  },
  {
    name: 'a unit test reaching past the core barrel',
    path: 'tests/unit/probe.test.ts',
    code: "import { NOTICES } from '../../src/core/notices.ts';\nexport const n = NOTICES;\n",
    rule: 'no-restricted-imports',
  },
];

const CLEAN: readonly Omit<Probe, 'rule'>[] = [
  {
    name: 'a pure core module',
    path: `${CORE}/probe.ts`,
    code: [
      "import type { Stack } from '../model/stack.ts';",
      "import { prng } from '../engine/prng.ts';",
      'export const pick = (stack: Stack, seed: number): number => prng(seed).int(0, 9) + stack.lang.length;',
      "export const host = new URL('https://shop.example/').host + new URLSearchParams('a=1').get('a');",
      "export const bytes = new TextEncoder().encode('é').length + new TextDecoder().decode(new Uint8Array([104])).length;",
      'export const when = Math.max(1, 2);',
      '',
    ].join('\n'),
  },
  {
    name: 'a core test using the runner and the global object',
    path: `${CORE}/probe.test.ts`,
    code: "import { expect, it } from 'vitest';\nit('runs', () => expect(typeof globalThis.document).toBe('undefined'));\n",
  },
  {
    name: 'the UI through the core barrel',
    path: 'src/ui/probe.ts',
    code: "import { parseHash } from '../core/index.ts';\nexport const p = parseHash;\n",
  },
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function lint(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return result!.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

describe('the lint rules between layers', () => {
  it.each(PROBES)('report $name ($path)', async ({ path, code, rule }) => {
    const messages = await lint(path, code);
    expect(
      messages.some((m) => m.startsWith(`${rule}: `)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each(CLEAN)('pass $name', async ({ path, code }) => {
    expect(await lint(path, code)).toEqual([]);
  });
});
