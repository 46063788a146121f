import { defineConfig } from 'vite';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { DEFAULT_STACK } from './src/core/model/stack.ts';

/**
 * A frame with `sandbox="allow-scripts"` has an opaque origin, so its module scripts and styles are
 * cross-origin requests: the assets must be served with CORS. They are public files; any static host
 * of the build needs the same header for sandboxed embeds.
 */
const corsForSandboxedFrames = { 'Access-Control-Allow-Origin': '*' };

/**
 * index.html preloads the default stack's language profile (its chunk and the chunks it imports) beside the
 * app's own: the first view cannot draw without it, and fetched by the app it came only once the app's
 * chunks had arrived and run (a round trip after them; BENCHMARKS.md "Time to diagram"). A link on another
 * language fetches its own as before. The budget test counts these files as first load, which they are.
 * A build without code splitting (build:single) has no such chunk and preloads nothing.
 */
const preloadDefaultProfile = (): Plugin => {
  let base = './';
  let splitting = true;
  return {
    name: 'roundtrip-preload-default-profile',
    configResolved(config) {
      base = config.base;
      splitting = config.build.modulePreload !== false;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }): HtmlTagDescriptor[] {
        if (!bundle || !entry || !splitting) return [];
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const byName = new Map(chunks.map((c) => [c.fileName, c]));
        const module = `/src/core/stacks/languages/${DEFAULT_STACK.lang}.ts`;
        const profile = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(module));
        if (!profile)
          throw new Error(`No chunk for ${module}: index.html cannot preload the default profile.`);
        const graph = (from: string, seen = new Set<string>()): Set<string> => {
          if (seen.has(from)) return seen;
          seen.add(from);
          for (const next of byName.get(from)?.imports ?? []) graph(next, seen);
          return seen;
        };
        const loaded = graph(entry.fileName);
        return [...graph(profile.fileName)]
          .filter((file) => !loaded.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          }));
      },
    },
  };
};

export default defineConfig({
  plugins: [react(), preloadDefaultProfile()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    // No data: URLs in the hosted build (the favicon is a file of its own), so default-src 'self' holds.
    assetsInlineLimit: 0,
    // The first load needs all of it (React DOM 202 KB, React Flow with its d3 parts 180 KB, the app
    // 190 KB minified); one 580 KB chunk was Vite's size warning. The libraries go in chunks of their
    // own, loaded in parallel, which a new version of the app does not invalidate.
    rolldownOptions: {
      // The core is pure (no module does anything when loaded): a module of it whose exports the app does
      // not use is left out. Without this, buildTimeline's import of every language profile (for tests and
      // scripts) would put them all back in the first load; the store loads one profile at a time.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]core[\\/]/.test(id) },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'react-flow', test: /node_modules[\\/](@xyflow|d3-[a-z]+|classcat)[\\/]/ },
            // What the first view runs of the app's own code, as one chunk. Left to itself Rolldown splits off
            // every module that a lazy chunk (a language profile, a scenario's extra stages) shares with the
            // entry, into a dozen small chunks that index.html all preloads: 7 KB more gzip, and more requests.
            // '$initial' is a module in the entry's static graph, so nothing lazy is captured.
            { name: 'app', test: /[\\/]src[\\/]/, tags: ['$initial'] },
            // The helpers the default language's profile shares with the others (handler code, ETags, the session
            // cookie's HMAC, review validation), as one chunk: index.html preloads it with the profile
            // (preloadDefaultProfile), two requests instead of seven. On HTTP/1.1, six connections to a host, the
            // seven small requests queued the app's own chunks behind them (bench: time to diagram 698 ms median
            // against 500 ms for two, at load 16). A language that needs fewer of them loads the few KB anyway.
            {
              name: 'profile-kit',
              test: /[\\/]src[\\/]core[\\/](stacks[\\/](indent|markedSource|handlerFor|statementFor|driverFailures[\\/]shared|sessions[\\/](bytes|hmac))|protocols[\\/](etag|sha1|sha256)|app[\\/]validateReview)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, headers: corsForSandboxedFrames },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: corsForSandboxedFrames },
});
