import { readFileSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.ts';

const publicFile = (name: string) =>
  readFileSync(new URL(`./public/${name}`, import.meta.url), 'utf8').trim();

/**
 * The one file carries what the hosted build serves from public/ itself: the favicon as a data: URL
 * (Vite never inlines an HTML icon link) and the fallback's stylesheet as a <style>. It leaves out the
 * web app manifest (an installable app is a hosted thing) and fallback.js (nothing of the one file
 * can fail to load).
 */
const inlinePublicFiles = (): Plugin => ({
  name: 'roundtrip-inline-public-files',
  transformIndexHtml: {
    order: 'pre',
    handler: (html) =>
      html
        .replace(
          /<link rel="icon"[^>]*>/,
          `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(publicFile('favicon.svg'))}" />`,
        )
        .replace(
          /<link rel="stylesheet" href="\/fallback\.css"[^>]*>/,
          () => `<style>${publicFile('fallback.css')}</style>`,
        )
        .replace(/\s*<link rel="manifest"[^>]*>/, '')
        .replace(/\s*<script src="\/fallback\.js"><\/script>/, ''),
  },
});

/**
 * `npm run build:single`: dist-single/roundtrip.html, one self-contained HTML file (every script and
 * style inlined) that works from file:// with no network — the file teachers copy to a USB stick.
 *
 * Code splitting is off: whatever the normal build (vite.config.ts) loads on demand in its own chunk
 * for the first-load budget is bundled into the one script here, so no `import()` of a file is left
 * to fail.
 * Its Content-Security-Policy is documented in docs/embedding.md and tested in
 * tests/e2e/singleFile.spec.ts.
 */
export default mergeConfig(
  base,
  defineConfig({
    plugins: [inlinePublicFiles(), viteSingleFile({ outputFileName: 'roundtrip.html' })],
    build: {
      outDir: 'dist-single',
      // public/ is the hosted build's; the one file inlines what it needs of it.
      copyPublicDir: false,
      emptyOutDir: true,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      // Nothing is preloaded: the polyfill would only be dead weight in the inline script.
      modulePreload: false,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
