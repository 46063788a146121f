import { renameSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import base from './vite.config.ts';

/** Names the one output file roundtrip.html, the name teachers copy to a USB stick. */
const renameOutput = (): Plugin => ({
  name: 'roundtrip-single-name',
  closeBundle() {
    renameSync('dist-single/index.html', 'dist-single/roundtrip.html');
  },
});

/** `npm run build:single`: one self-contained HTML file that works from file:// with no network. */
export default mergeConfig(
  base,
  defineConfig({
    plugins: [viteSingleFile({ removeViteModuleLoader: true }), renameOutput()],
    build: { outDir: 'dist-single', emptyOutDir: true, assetsInlineLimit: Number.MAX_SAFE_INTEGER },
  }),
);
