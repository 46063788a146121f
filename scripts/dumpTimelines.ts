/**
 * Writes every scenario's Timeline JSON on every stack it is shown on, one file a pair
 * (<scenario>.<lang>.<db>.json, as `npm run timeline -- <scenario> --lang L --db D --json` prints it), and
 * every language profile with the handler source it gives for each operation, database and cache
 * (profiles/<lang>.json), so that a refactor can be checked for an unchanged core: dump before, dump after,
 * `diff -r`.
 *   npx tsx scripts/dumpTimelines.ts <output dir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DATABASES,
  LANGUAGES,
  LANGUAGE_PROFILES,
  SCENARIOS,
  buildTimeline,
  unavailableReason,
} from '../src/core/index.ts';
import type { HandlerOp, HandlerSource } from '../src/core/index.ts';

const OPS = [
  'getProduct',
  'findBySku',
  'listProducts',
  'createReview',
  'login',
  'me',
] as const satisfies readonly HandlerOp[];

const dir = process.argv[2];
if (dir === undefined || dir.startsWith('--')) {
  process.stderr.write('Usage: npx tsx scripts/dumpTimelines.ts <output dir>\n');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

let written = 0;
let refused = 0;
for (const scenario of SCENARIOS)
  for (const lang of LANGUAGES)
    for (const db of DATABASES) {
      const stack = { lang, db };
      if (unavailableReason(scenario, stack) !== null) {
        refused += 1;
        continue;
      }
      const timeline = buildTimeline(scenario, stack);
      writeFileSync(join(dir, `${scenario.id}.${lang}.${db}.json`), `${JSON.stringify(timeline, null, 2)}\n`);
      written += 1;
    }
mkdirSync(join(dir, 'profiles'), { recursive: true });
for (const lang of LANGUAGES) {
  const profile = LANGUAGE_PROFILES[lang];
  const handlers: Record<string, HandlerSource> = {};
  for (const db of DATABASES)
    for (const op of OPS)
      for (const cached of [false, true])
        handlers[`${op}.${db}${cached ? '.cached' : ''}`] = profile.handler(op, db, cached);
  writeFileSync(join(dir, 'profiles', `${lang}.json`), `${JSON.stringify({ profile, handlers }, null, 2)}\n`);
}
process.stdout.write(
  `${written} timelines written to ${dir} (${refused} scenario-stack pairs not shown) and ${LANGUAGES.length} profiles\n`,
);
