/**
 * Builds, servers and temporary directories of the benchmarks. Every child process and directory is
 * tracked and removed on exit (or Ctrl-C): the machine is shared, so nothing may be left running.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** Stops every server still running and removes every temporary directory. */
export function cleanUp(): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  children.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Runs `main`, cleaning up after it, on Ctrl-C and on SIGTERM; sets the exit code on failure. */
export function runMain(main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      cleanUp();
      process.exit(130);
    });
  process.on('exit', cleanUp);
  main().then(
    () => cleanUp(),
    (error: unknown) => {
      cleanUp();
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** A new temporary directory, removed by cleanUp(). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * `vite build` into a private directory (never dist/: other engineers' tests rebuild and empty it while
 * they run). `config` defaults to the app's vite.config.ts; extra arguments go to vite as they are.
 */
export async function viteBuild(
  outDir: string,
  { config, args = [] }: { config?: string; args?: readonly string[] } = {},
): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      VITE,
      [
        'build',
        ...(config ? ['--config', config] : []),
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'error',
        ...args,
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`vite build ${config ?? ''} exited with ${code}`));
    });
  });
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`vite build wrote no ${outDir}/index.html`);
  return outDir;
}

/** Builds the app into a new temporary directory and returns it. */
export const buildApp = (args: readonly string[] = []) =>
  viteBuild(join(tempDir('roundtrip-bench-'), 'dist'), { args });

export interface Server {
  readonly url: string;
  stop(): void;
}

/**
 * Serves a built directory with `vite preview` (its own binary, not npx) on a free port, so it never
 * takes a port other engineers use; resolves with its URL once it answers.
 */
export async function preview(outDir: string, config?: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    VITE,
    [
      'preview',
      ...(config ? ['--config', config] : []),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    children.delete(child);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  stop();
  throw new Error(`vite preview did not answer at ${url} within 30 s:\n${output}`);
}

/** The commit measured, and whether src/ had uncommitted changes (the build uses the working tree). */
export function sourceVersion(): { commit: string | null; srcDirty: boolean | null } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      srcDirty: git('--no-optional-locks', 'status', '--porcelain', '--', 'src') !== '',
    };
  } catch {
    return { commit: null, srcDirty: null };
  }
}
