/**
 * Hostile inputs at scale: a million generated inputs (by default) for each parser and arbitrary of
 * bench/lib/fuzz.ts, with fast-check. Writes the `fuzz` section of bench/results.json and BENCHMARKS.md.
 *
 *   npm run bench:fuzz                    1,000,000 runs of each (~2 min)
 *   npm run bench:fuzz -- --runs 50000
 *   npm run bench:fuzz -- --seed 42       replay a run (a failure prints its seed and path)
 *   npm run bench:fuzz -- --no-write
 */
import { fuzzAll } from './lib/fuzzAll.ts';
import { runMain } from './lib/processes.ts';
import { startMeta, writeResults } from './lib/results.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

runMain(async () => {
  const runs = Number(option('--runs') ?? 1_000_000);
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error('--runs needs a positive whole number');
  const seedOption = option('--seed');
  const meta = startMeta('npm run bench:fuzz');
  const results = fuzzAll(runs, seedOption === undefined ? null : Number(seedOption), (line) =>
    process.stdout.write(`${line}\n`),
  );
  if (!process.argv.includes('--no-write')) {
    await writeResults({ fuzz: { meta: meta(), runs, results } });
    process.stdout.write('Wrote bench/results.json and BENCHMARKS.md\n');
  }
  if (results.some((r) => r.failed || !r.prototypeClean)) process.exitCode = 1;
});
