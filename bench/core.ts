/**
 * Core cost as work grows: time to build a timeline and to seek in it, for ~10, ~1,000 and ~100,000
 * steps (the generated many-requests scenario) and first-visit. `npm run bench` runs the same
 * measurement (bench/lib/coreCost.ts) and writes it to bench/results.json.
 *
 *   npm run bench:core                 a table (~15 s)
 *   npm run bench:core -- --json       the figures as JSON
 *   npm run bench:core -- --budget MS  time spent building each size (default 2000)
 */
import { coreRows, coreScalingLine, measureCoreCost } from './lib/coreCost.ts';
import { textTable } from './lib/stats.ts';

const argv = process.argv.slice(2);
const budgetAt = argv.indexOf('--budget');
const budget = budgetAt >= 0 ? Number(argv[budgetAt + 1]) : 2000;
if (!(budget > 0)) throw new Error('--budget needs a positive number of milliseconds');
const cost = await measureCoreCost(budget);
if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(cost, null, 2)}\n`);
else {
  const { header, rows } = coreRows(cost);
  process.stdout.write(`${textTable(header, rows)}\n\n${coreScalingLine(cost)}\n`);
}
