/**
 * Prints scenarios as a teacher's transcript or as Timeline JSON.
 *   npm run timeline -- --list
 *   npm run timeline -- <scenario-id> [--lang node|python|java|ruby|go|php|cpp] [--db postgres|mysql|mongodb] [--json]
 */
import {
  DATABASES,
  DEFAULT_STACK,
  LANGUAGES,
  SCENARIOS,
  buildTimeline,
  scenarioById,
  unavailableReason,
  scenarioOrBuild,
  decodeBuild,
} from '../src/core/index.ts';
import type { Database, Language } from '../src/core/index.ts';
import { formatTranscript } from './formatTranscript.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  return value;
};

if (args.length === 0 || args.includes('--help')) {
  process.stdout.write(
    'Usage: npm run timeline -- --list | <scenario or build code> [--lang L] [--db D] [--json]\n',
  );
  process.exit(args.length === 0 ? 2 : 0);
}

if (args.includes('--list')) {
  const width = Math.max(...SCENARIOS.map((s) => s.id.length));
  for (const s of SCENARIOS) {
    process.stdout.write(`${s.id.padEnd(width)}  ${s.title} — ${s.teaches}\n`);
    for (const e of s.notFor ?? [])
      process.stdout.write(
        `${' '.repeat(width)}  not on ${[e.lang, e.db].filter(Boolean).join('+')}: ${e.reason}\n`,
      );
  }
  process.exit(0);
}

const id = args.find((a, i) => !a.startsWith('--') && !['--lang', '--db'].includes(args[i - 1] ?? '')) ?? '';
const decoded = scenarioById(id) ? null : decodeBuild(id);
const scenario =
  scenarioOrBuild(id) ??
  fail(
    decoded && !decoded.ok && id.startsWith('v')
      ? `Build "${id}": ${decoded.problem}.`
      : `Unknown scenario "${id}". Try --list, or a build code such as v1.lb3.cdn.far.`,
  );
const lang = option('--lang') ?? DEFAULT_STACK.lang;
const db = option('--db') ?? DEFAULT_STACK.db;
if (!(LANGUAGES as readonly string[]).includes(lang))
  fail(`Unknown language "${lang}": one of ${LANGUAGES.join(', ')}`);
if (!(DATABASES as readonly string[]).includes(db))
  fail(`Unknown database "${db}": one of ${DATABASES.join(', ')}`);
const stack = { lang: lang as Language, db: db as Database };
const refused = unavailableReason(scenario, stack);
if (refused !== null) fail(`${scenario.id} is not shown on ${lang}+${db}: ${refused}`);
const timeline = buildTimeline(scenario, stack);
process.stdout.write(
  args.includes('--json') ? `${JSON.stringify(timeline, null, 2)}\n` : formatTranscript(timeline),
);
