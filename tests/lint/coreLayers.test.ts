import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Which folders of the core each folder may import (besides itself), so that dependencies point one way:
 * the engine runs the journey and calls the app; the app runs inside it and never imports it; both share
 * journey/ (context, timeline builder, PRNG). A part (parts/: CDN, cache, load balancer) places itself and
 * runs its behaviour on the journey, and the engine calls it. Scenarios are data the engine reads, never the app.
 * An extra (extras/: the stages only some scenarios reach) gathers stages from the engine and the parts; the
 * engine reaches it only through extras/ExtraStages.ts (below), so that it stays out of the first load. A
 * database's extra (MySQL's, MongoDB's) gathers data/'s code for it, which data/ reaches the same way.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  model: [],
  world: [],
  format: [],
  protocols: ['model', 'world', 'format'],
  data: ['model', 'world', 'protocols', 'format', 'extras'],
  journey: ['model', 'stacks', 'extras'],
  stacks: ['model', 'world', 'protocols', 'data', 'format', 'app'],
  app: ['model', 'world', 'protocols', 'data', 'format', 'stacks', 'journey', 'extras'],
  parts: ['model', 'world', 'protocols', 'data', 'format', 'stacks', 'journey', 'app'],
  engine: ['model', 'world', 'protocols', 'data', 'format', 'stacks', 'journey', 'app', 'parts', 'extras'],
  extras: ['model', 'engine', 'parts', 'app', 'protocols', 'data'],
  scenarios: ['model', 'world', 'format'],
  build: ['model', 'world', 'format', 'parts', 'scenarios'],
};

const CORE = resolve(import.meta.dirname, '..', '..', 'src', 'core');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '([^']+)'/gms)].map(
    (m) => m[1] ?? '',
  );

describe('the core’s layers', () => {
  it.each(Object.entries(MAY_IMPORT))('%s imports only what it may', (folder, allowed) => {
    const wrong: string[] = [];
    for (const file of sources(join(CORE, folder))) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(CORE, resolve(dirname(file), spec)).split('/')[0] ?? '';
        if (target !== folder && !allowed.includes(target)) wrong.push(`${relative(CORE, file)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('outside extras/, only buildTimeline’s list of them imports an extra: the rest use ExtraStages.ts', () => {
    const wrong = sources(CORE).flatMap((file) =>
      relative(CORE, file).startsWith('extras/')
        ? []
        : importsOf(file)
            .map((spec) => relative(CORE, resolve(dirname(file), spec)))
            .filter((target) => target.startsWith('extras/') && target !== 'extras/ExtraStages.ts')
            .filter(() => relative(CORE, file) !== 'engine/buildTimeline.ts')
            .map((target) => `${relative(CORE, file)} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('no production file imports test or bench code, or fast-check', () => {
    const wrong = sources(CORE).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec === 'fast-check' || /(^|\/)(tests|bench)\//.test(spec))
        .map((spec) => `${relative(CORE, file)} → ${spec}`),
    );
    expect(wrong).toEqual([]);
  });
});
