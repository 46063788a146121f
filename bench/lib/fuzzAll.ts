import { FUZZ_TARGETS, runFuzz } from './fuzz.ts';
import type { FuzzResult } from './fuzz.ts';
import { grouped } from './stats.ts';

/**
 * Every fuzz target, `runs` inputs each, with `seed` (or a fresh one per target, reported so a failure
 * can be replayed); `log` gets one line per target.
 */
export function fuzzAll(runs: number, seed: number | null, log: (line: string) => void): FuzzResult[] {
  const results: FuzzResult[] = [];
  for (const target of FUZZ_TARGETS) {
    const result = runFuzz(target, runs, seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
    results.push(result);
    log(
      `  ${target.name}: ${grouped(result.runs)} inputs in ${result.seconds} s (${grouped(result.perSecond)}/s, ` +
        `${result.checkUs} µs in the parser and property), ` +
        (result.failed
          ? `FAILED with seed ${result.seed}, path ${result.failure?.path ?? '?'}: ${result.failure?.error ?? ''} on ${result.failure?.counterexample ?? ''}`
          : 'no failure') +
        (result.prototypeClean ? '' : '; Object.prototype changed!'),
    );
  }
  return results;
}
