import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { decodePng } from '../helpers/decodePng.ts';
import { readGif } from '../helpers/readGif.ts';

const root = new URL('../..', import.meta.url).pathname;
const run = (...args: string[]) =>
  spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/export.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
const dir = () => mkdtempSync(join(tmpdir(), 'roundtrip-export-'));

describe('npm run export', () => {
  it('writes one step as a PNG of the size asked for', () => {
    const out = join(dir(), 'step.png');
    const result = run(
      'first-visit',
      '--lang',
      'python',
      '--db',
      'mysql',
      '--format',
      'png',
      '--steps',
      '3',
      '--size',
      '1280x720',
      '--theme',
      'projector',
      '--out',
      out,
    );
    expect(result.status, result.stderr).toBe(0);
    const png = decodePng(new Uint8Array(readFileSync(out)));
    expect([png.width, png.height]).toEqual([1280, 720]);
  });

  it('writes a range of steps as a folder of SVGs named by step', () => {
    const out = join(dir(), 'deck');
    const result = run('first-visit', '--format', 'svg', '--steps', '1-3', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([
      '01-browser-start.svg',
      '02-dns-query-stub.svg',
      '03-dns-query-stub-aaaa.svg',
    ]);
    expect(readFileSync(join(out, '02-dns-query-stub.svg'), 'utf8')).toMatch(
      /^<svg [^>]*width="1920" height="1080"/,
    );
  });

  it('writes a PowerPoint deck: title, one slide with notes per step, end slide', () => {
    const out = join(dir(), 'deck.pptx');
    const result = run(
      'first-visit',
      '--lang',
      'python',
      '--db',
      'mysql',
      '--format',
      'pptx',
      '--steps',
      '3-4',
      '--size',
      '640x360',
      '--out',
      out,
    );
    expect(result.status, result.stderr).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const names = Object.keys(files);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(4);
    expect(names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))).toHaveLength(4);
    const notes = new TextDecoder().decode(files['ppt/notesSlides/notesSlide2.xml']);
    expect(notes).toContain('Message (dns)');
  });

  it('writes a looping GIF with a frame per movement and a hold on each hop', () => {
    const out = join(dir(), 'steps.gif');
    const result = run(
      'first-visit',
      '--format',
      'gif',
      '--steps',
      '12-13',
      '--size',
      '320x180',
      '--theme',
      'dark',
      '--out',
      out,
    );
    expect(result.status, result.stderr).toBe(0);
    const gif = readGif(new Uint8Array(readFileSync(out)));
    expect([gif.version, gif.width, gif.height, gif.loops]).toEqual(['GIF89a', 320, 180, true]);
    expect(gif.delays).toHaveLength(24);
    expect(gif.delays[11]).toBe(1500);
  });

  it('writes every scenario into a folder with --all', () => {
    const out = dir();
    const result = run('--all', '--format', 'svg', '--steps', '1', '--size', '640x360', '--out', out);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out)).toContain('first-visit.svg');
    expect(readdirSync(out)).toContain('nxdomain.svg');
  });

  it.each([
    [['nope', '--format', 'png'], /^Unknown scenario "nope"/],
    [['first-visit', '--format', 'jpg'], /^Unknown format "jpg": one of png, svg, gif, pptx/],
    [['first-visit', '--format', 'png', '--lang', 'cobol'], /^Unknown language "cobol"/],
    [['first-visit', '--format', 'png', '--db', 'excel'], /^Unknown database "excel"/],
    [['first-visit', '--format', 'png', '--theme', 'neon'], /^Unknown theme "neon"/],
    [
      ['first-visit', '--format', 'png', '--steps', '9-3'],
      /^first-visit: Steps "9-3" is not a range within 1-41/,
    ],
    [['first-visit', '--format', 'png', '--size', 'big'], /^Size "big" is not WIDTHxHEIGHT/],
    [['first-visit'], /^--format is required/],
    [['first-visit', '--format', 'png', '--colour', 'red'], /^Unknown option '--colour'/],
  ])('refuses %j with one line and exit code 2', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
