import { defineConfig } from '@playwright/test';
import { APP_PORT, APP_URL } from './tests/e2e/appAddress.ts';
import { chromiumArgs, chromiumPath } from './tests/e2e/chromium.ts';

const port = APP_PORT;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: APP_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'off',
  },
  webServer: {
    command: `node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: APP_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
