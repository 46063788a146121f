import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * A frame with `sandbox="allow-scripts"` has an opaque origin, so its module scripts and styles are
 * cross-origin requests: the assets must be served with CORS. They are public files; any static host
 * of the build needs the same header for sandboxed embeds.
 */
const corsForSandboxedFrames = { 'Access-Control-Allow-Origin': '*' };

export default defineConfig({
  plugins: [react()],
  base: './',
  // No data: URLs in the hosted build (the favicon is a file of its own), so default-src 'self' holds.
  build: { target: 'es2022', sourcemap: false, assetsInlineLimit: 0 },
  server: { host: '127.0.0.1', port: 5173, headers: corsForSandboxedFrames },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: corsForSandboxedFrames },
});
