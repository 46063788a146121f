import { readFileSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.ts';

/** Vite never inlines an HTML icon link, so the one file carries its favicon as a data: URL itself. */
const inlineFavicon = (): Plugin => ({
  name: 'roundtrip-inline-favicon',
  transformIndexHtml: {
    order: 'pre',
    handler: (html) => {
      const svg = readFileSync(new URL('./src/favicon.svg', import.meta.url), 'utf8').trim();
      return html.replace(
        /<link rel="icon"[^>]*>/,
        `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(svg)}" />`,
      );
    },
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
    plugins: [inlineFavicon(), viteSingleFile({ outputFileName: 'roundtrip.html' })],
    build: {
      outDir: 'dist-single',
      emptyOutDir: true,
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      // Nothing is preloaded: the polyfill would only be dead weight in the inline script.
      modulePreload: false,
      rolldownOptions: { output: { codeSplitting: false } },
    },
  }),
);
