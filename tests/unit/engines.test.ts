import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` prints no EBADENGINE warning on the Node the README promises (issue 11 item 10: 4.14 of
 * @axe-core/playwright wanted Node >= 22.12): every package in the lockfile accepts the least Node
 * of package.json's engines. Ranges are read with semver (npm's range grammar; in node_modules as a
 * dependency of the build tools).
 */
const root = join(import.meta.dirname, '..', '..');
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface Lock {
  readonly packages: Record<string, { readonly engines?: { readonly node?: string } | readonly string[] }>;
}

describe('engines', () => {
  it("every locked package accepts the README's Node", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    const least = semver.minVersion(pkg.engines.node)?.version ?? '';
    expect(least).toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lock;
    const refused = Object.entries(lock.packages).flatMap(([name, entry]) => {
      const node =
        entry.engines && !Array.isArray(entry.engines)
          ? (entry.engines as { node?: string }).node
          : undefined;
      return node && !semver.satisfies(least, node) ? [`${name} wants Node ${node}`] : [];
    });
    expect(refused).toEqual([]);
  });
});
