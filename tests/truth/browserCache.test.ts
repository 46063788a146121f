// browser-cache-hit against real software (where this machine has it): nginx serving the stylesheet from
// disk with the shop's add_header lines must send the head the timeline shows as stored (only Date's value
// differs), and Chromium, loading a page with that stylesheet twice in one profile, must ask nginx for it
// once: the second time it comes from its HTTP cache (DevTools' "(disk cache)" / "(memory cache)").
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, scenarioById } from '../../src/core/index.ts';
import { STYLESHEET, nginxStaticFile } from '../../src/core/engine/nginxStaticFile.ts';
import { unixSeconds } from '../../src/core/protocols/worldTime.ts';
import { serializeHttp } from '../../src/core/protocols/serializeHttp.ts';
import { exchangeRaw, freePort, headOf, withoutDate } from './loopback.ts';
import { HAS_NGINX, startNginx } from './nginxProcess.ts';
import type { NginxProcess } from './nginxProcess.ts';
import { STACKS, stackName } from './timelines.ts';
import { HAS_CHROMIUM, launchChromium } from './chromium.ts';

const PAGE = `<!doctype html><link rel="stylesheet" href="${STYLESHEET.path}"><title>shop</title>`;

describe.runIf(HAS_NGINX)('browser-cache-hit against a real nginx', () => {
  let nginx: NginxProcess | null = null;
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    nginx = await startNginx(
      (dir) => {
        mkdirSync(join(dir, 'www/static'), { recursive: true });
        const file = join(dir, 'www', STYLESHEET.path);
        writeFileSync(file, STYLESHEET.body);
        const mtime = unixSeconds(STYLESHEET.modifiedMs);
        utimesSync(file, mtime, mtime);
        writeFileSync(join(dir, 'www/index.html'), PAGE);
        return `
  log_format path '$request_uri $status';
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    location /static/ {
      access_log ${dir}/static.log path;
      add_header Cache-Control "${STYLESHEET.cacheControl}";
      add_header Strict-Transport-Security "max-age=63072000" always;
    }
  }`;
      },
      [port],
    );
  }, 30_000);

  afterAll(() => nginx?.stop());

  it('nginx sends the stylesheet with the head and body the browser stored', async () => {
    const got = await exchangeRaw(port, `GET ${STYLESHEET.path} HTTP/1.1\r\nHost: shop.example\r\n\r\n`);
    const shown = nginxStaticFile(0, true);
    expect(withoutDate(headOf(shown))).toEqual(withoutDate(got.head));
    expect(got.body.toString('utf8')).toBe(STYLESHEET.body);
  });

  it('every stack’s timeline shows that stored response and sends nothing', () => {
    for (const stack of STACKS) {
      const t = buildTimeline(scenarioById('browser-cache-hit')!, stack);
      expect(
        t.steps.every((s) => s.from === 'browser' && s.to === 'browser'),
        stackName(stack),
      ).toBe(true);
      const lookup = t.steps.find((s) => s.id === 'http-cache-lookup')!.message.text;
      expect(lookup).toContain(serializeHttp(nginxStaticFile(-48 * 3_600_000, true)).split('\r\n\r\n')[0]);
      expect(t.steps.find((s) => s.id === 'http-cache-read')?.title).toBe('200 OK (disk cache)');
    }
  });

  it.runIf(HAS_CHROMIUM)(
    'Chromium asks nginx once; the second load comes from its HTTP cache',
    async () => {
      const file = join(nginx!.dir, 'static.log');
      const log = () => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : []);
      const before = log().length;
      const browser = await launchChromium([]);
      const cached: string[] = [];
      try {
        const context = await browser.newContext();
        for (const visit of [1, 2]) {
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          cdp.on('Network.responseReceived', (e) => {
            if (e.response.url.endsWith('.css'))
              cached.push(`${visit}: ${e.response.fromDiskCache ? 'disk' : 'network'} ${e.response.status}`);
          });
          cdp.on('Network.requestServedFromCache', () => cached.push(`${visit}: served from cache`));
          await page.goto(`http://127.0.0.1:${port}/`);
          await page.waitForLoadState('load');
          await page.close();
        }
      } finally {
        await browser.close();
      }
      const asked = log().slice(before);
      expect(asked).toEqual([`${STYLESHEET.path} 200`]);
      expect(cached).toContain('1: network 200');
      expect(cached).toContain('2: disk 200');
    },
    60_000,
  );
});
