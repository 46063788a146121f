import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { DEFAULT_LINK } from '../../src/core/index.ts';
import { APP_URL } from './appAddress.ts';
import { expect, test } from './fixtures.ts';
import { hostPageHtml, serveHtml } from './staticServer.ts';
import type { LoopbackServer } from './staticServer.ts';

/**
 * Proves nothing from input is ever rendered as HTML or run as script, and nothing pollutes a
 * prototype: markup, event-handler and javascript: payloads go into every link parameter's value
 * and name (on load and edited at run time, main and embed view, and in the single-file build from
 * file://) and into postMessage commands (as scenario ids, string steps, extra fields,
 * __proto__ / constructor / prototype keys, 1 MB strings, 10,000-level nesting). After each, no
 * payload has run (window.__pwned), Object.prototype and friends have no new keys, no element,
 * event-handler attribute or javascript: URL from the input is in the DOM, a notice shows the
 * ignored text literally, and the player still works.
 */

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
] as const;

/** Every link parameter the app reads (PRODUCT.md §5). */
const PARAMS = Object.keys(DEFAULT_LINK);
const enc = encodeURIComponent;
/** Every parameter set to `payload`. */
const valuesHash = (payload: string) => PARAMS.map((name) => `${name}=${enc(payload)}`).join('&');
/** Every payload as a parameter name, and the names prototype-pollution gadgets look for. */
const POLLUTING_NAMES = [
  '__proto__[polluted]',
  '__proto__.polluted',
  'constructor[prototype][polluted]',
  '__proto__',
  'constructor',
  'prototype',
];
const namesHash = [...PAYLOADS, ...POLLUTING_NAMES].map((name) => `${enc(name)}=1`).join('&');

const singleFile = join(import.meta.dirname, '..', '..', 'dist-single', 'roundtrip.html');

/** From the first script of every document: what the built-in prototypes look like before the app runs. */
async function recordPrototypes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const keys = (o: object) => Object.getOwnPropertyNames(o).sort().join();
    (window as unknown as { prototypesBefore: string[] }).prototypesBefore = [
      keys(Object.prototype),
      keys(Array.prototype),
      keys(Function.prototype),
      keys(String.prototype),
    ];
  });
}

/** Whatever input managed to do in this document: ran, polluted, or left markup or a URL behind. */
function harm(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const found: string[] = [];
    const w = window as unknown as { __pwned?: unknown; prototypesBefore?: string[] };
    if (w.__pwned !== undefined) found.push(`window.__pwned is ${String(w.__pwned)}`);
    if (({} as { polluted?: unknown }).polluted !== undefined) found.push('({}).polluted is set');
    const keys = (o: object) => Object.getOwnPropertyNames(o).sort().join();
    const now = [
      keys(Object.prototype),
      keys(Array.prototype),
      keys(Function.prototype),
      keys(String.prototype),
    ];
    if (!w.prototypesBefore) found.push('no record of the prototypes before the app ran');
    else if (now.join('|') !== w.prototypesBefore.join('|'))
      found.push(`prototypes changed: ${now.join('|')}`);
    for (const el of document.querySelectorAll('img[src="x"], svg[onload]'))
      found.push(`element ${el.outerHTML}`);
    for (const script of document.querySelectorAll('script')) {
      if (script.textContent.includes('__pwned')) found.push(`script ${script.outerHTML.slice(0, 80)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name)) found.push(`<${el.localName} ${name}="${value}">`);
        if (/^\s*javascript:/i.test(value) && /href|src|action|data|formaction/i.test(name)) {
          found.push(`<${el.localName} ${name}="${value}">`);
        }
      }
    }
    for (const a of document.querySelectorAll('a[href^="javascript:" i]')) found.push(`link ${a.outerHTML}`);
    return found;
  });
}

/** The player still works: the status line reads "Step N of", and Next step moves it on. */
async function stillWorks(target: Page | FrameLocator): Promise<void> {
  const status = target.getByRole('status');
  await expect(status).toContainText(/^Step \d+ of \d+/);
  const [, shown = '0', of = '0'] = /^Step (\d+) of (\d+)/.exec((await status.textContent()) ?? '') ?? [];
  const step = Number(shown);
  if (step === Number(of)) {
    await target.getByRole('button', { name: 'Previous step' }).click();
    await expect(status).toContainText(`Step ${step - 1} of ${of}`);
  } else {
    await target.getByRole('button', { name: 'Next step' }).click();
    await expect(status).toContainText(`Step ${step + 1} of ${of}`);
  }
}

/** The notice names every ignored value and name as plain text; its markup holds no tag from input. */
async function expectLiteralNotice(target: Page | FrameLocator, texts: readonly string[]): Promise<void> {
  const notice = target.getByRole('alert');
  for (const text of texts) await expect(notice).toContainText(text);
  const html = await notice.innerHTML();
  expect(html).not.toMatch(/<(img|script|svg)\b/i);
}

test.describe('link parameters', () => {
  for (const payload of PAYLOADS) {
    test(`${payload} as the value of every parameter is shown as text and never runs`, async ({ page }) => {
      await recordPrototypes(page);
      await page.goto(`/#${valuesHash(payload)}`);
      await expectLiteralNotice(
        page,
        PARAMS.map((name) => `${name}=${payload}`),
      );
      expect(await harm(page)).toEqual([]);
      await stillWorks(page);
      // The link the app writes back, and the one it offers to share, carry none of it.
      await expect.poll(() => page.evaluate(() => location.hash)).not.toMatch(/pwned/);
      await page.getByRole('button', { name: 'Share' }).click();
      await expect(page.getByRole('textbox', { name: 'Link to this step' })).not.toHaveValue(/pwned/);
      await page.keyboard.press('Escape');
      // Unencoded, as typed into the address bar.
      await page.goto('about:blank');
      await page.goto(`/#${PARAMS.map((name) => `${name}=${payload}`).join('&')}`);
      await expect(page.getByRole('alert')).toContainText('scenario=');
      expect(await harm(page)).toEqual([]);
      await stillWorks(page);
    });
  }

  test('payloads and prototype keys as parameter names are shown as text and never run', async ({ page }) => {
    await recordPrototypes(page);
    await page.goto(`/#${namesHash}`);
    await expectLiteralNotice(
      page,
      [...PAYLOADS, ...POLLUTING_NAMES].map((name) => `"${name}"`),
    );
    expect(await harm(page)).toEqual([]);
    await stillWorks(page);
  });

  test('the hash edited at run time, payloads in values and names', async ({ page }) => {
    await recordPrototypes(page);
    await page.goto('/#scenario=cache-hit&step=3');
    await expect(page.getByRole('status')).toContainText('Step 3 of');
    for (const payload of PAYLOADS) {
      await page.evaluate(
        (hash) => (location.hash = hash),
        `#step=4&scenario=${enc(payload)}&${enc(payload)}=${enc(payload)}`,
      );
      await expectLiteralNotice(page, [`scenario=${payload}`, `"${payload}"`]);
      await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    }
    await page.evaluate((hash) => (location.hash = hash), `#${namesHash}`);
    await expect(page.getByRole('alert')).toContainText('__proto__');
    expect(await harm(page)).toEqual([]);
    await stillWorks(page);
  });

  test('the embed view with api=1: payloads in values and names', async ({ page }) => {
    await recordPrototypes(page);
    for (const payload of PAYLOADS) {
      await page.goto('about:blank');
      await page.goto(`/#embed=1&api=1&scenario=${enc(payload)}&step=${enc(payload)}&${enc(payload)}=1`);
      await expectLiteralNotice(page, [`scenario=${payload}`, `step=${payload}`, `"${payload}"`]);
      expect(await harm(page)).toEqual([]);
      await stillWorks(page);
    }
  });

  test('the single file from file://: payloads in values and names', async ({ page }) => {
    if (!existsSync(singleFile)) {
      throw new Error(`${singleFile} is missing: run "npm run build:single" (npm run test:e2e does) first.`);
    }
    await recordPrototypes(page);
    const file = pathToFileURL(singleFile).href;
    for (const payload of PAYLOADS) {
      await page.goto('about:blank');
      await page.goto(`${file}#${valuesHash(payload)}&${enc(payload)}=1`);
      await expectLiteralNotice(page, [...PARAMS.map((name) => `${name}=${payload}`), `"${payload}"`]);
      expect(await harm(page)).toEqual([]);
      await stillWorks(page);
    }
    await page.goto('about:blank');
    await page.goto(`${file}#embed=1&${namesHash}`);
    await expectLiteralNotice(page, [`"${PAYLOADS[0]}"`, '"__proto__[polluted]"']);
    expect(await harm(page)).toEqual([]);
    await stillWorks(page);
  });
});

const servers: LoopbackServer[] = [];
test.afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

test.describe('postMessage commands', () => {
  test('hostile commands are ignored: no script, no pollution, no echo, and the player still obeys', async ({
    page,
  }) => {
    // Structured-cloning thousands of hostile messages, some 10,000 levels deep, takes the browser most of a
    // minute on a loaded 2-core machine (55 s alone at load 22): give it the slow-test budget.
    test.slow();
    await recordPrototypes(page);
    const host = await serveHtml(hostPageHtml(`${APP_URL}#scenario=cache-hit&step=2&embed=1&api=1`));
    servers.push(host);
    await page.goto(host.url);
    const frame = page.frameLocator('#player');
    await expect(frame.getByRole('status')).toContainText('Step 2 of');
    const received = () =>
      page.evaluate(() =>
        (window as unknown as { received: unknown[] }).received.map((d) => JSON.stringify(d)),
      );
    await expect.poll(received).toContainEqual(expect.stringContaining('"event":"ready"'));

    // Built in the host page and posted from there, as a hostile host would.
    const posted = await page.evaluate((payloads) => {
      const player = (document.getElementById('player') as HTMLIFrameElement).contentWindow;
      if (!player) throw new Error('no player window');
      const huge = 'x'.repeat(1 << 20);
      const nest = (depth: number, inner: unknown, wrap: (x: unknown) => unknown) => {
        let value = inner;
        for (let i = 0; i < depth; i++) value = wrap(value);
        return value;
      };
      const messages: unknown[] = [];
      for (const p of payloads) {
        messages.push(
          p,
          { roundtrip: 1, command: 'setScenario', scenario: p },
          { roundtrip: 1, command: 'goto', step: p },
          { roundtrip: 1, command: p },
          { roundtrip: 1, command: 'next', extra: p },
          { roundtrip: 1, command: 'setScenario', scenario: 'nxdomain', title: p },
          { roundtrip: 1, [p]: 'next', command: 'getState' },
        );
      }
      for (const text of [
        '{"__proto__":{"polluted":1}}',
        '{"roundtrip":1,"command":"next","__proto__":{"polluted":1}}',
        '{"roundtrip":1,"command":"goto","step":2,"constructor":{"prototype":{"polluted":1}}}',
        '{"roundtrip":1,"command":"setScenario","scenario":{"__proto__":{"polluted":1}}}',
        '{"roundtrip":1,"command":"getState","prototype":{"polluted":1}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
        '{"__proto__":{"roundtrip":1,"command":"next"}}',
      ]) {
        messages.push(JSON.parse(text), text);
      }
      for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '']) {
        messages.push(
          { roundtrip: 1, command: 'setScenario', scenario: id },
          { roundtrip: 1, command: id },
          id,
        );
      }
      for (const step of [
        '5',
        '1e309',
        NaN,
        Infinity,
        -Infinity,
        -1,
        0,
        -0,
        1.5,
        2 ** 53,
        null,
        [3],
        { n: 3 },
      ]) {
        messages.push({ roundtrip: 1, command: 'goto', step });
      }
      messages.push(
        huge,
        { roundtrip: 1, command: huge },
        { roundtrip: 1, command: 'setScenario', scenario: huge },
        { roundtrip: 1, command: 'goto', step: huge },
        { roundtrip: 1, command: 'next', extra: huge },
        // 10,000 levels as text: a string, which is never parsed.
        `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
        { roundtrip: '1', command: 'next' },
        { roundtrip: true, command: 'next' },
        { roundtrip: 1, command: ['next'] },
        [1, 'next'],
        null,
        undefined,
        0,
        true,
        new Map<string, unknown>([
          ['roundtrip', 1],
          ['command', 'next'],
        ]),
        new Date(0),
        /next/,
        new ArrayBuffer(8),
        JSON.stringify({ method: 'next', args: [] }),
      );
      const failed: string[] = [];
      for (const [i, message] of messages.entries()) {
        try {
          player.postMessage(message, '*');
        } catch (error) {
          failed.push(`message ${i}: ${String(error)}`);
        }
      }
      // 10,000 levels of nesting: Chromium's structured clone refuses that depth in the sender
      // (RangeError: Maximum call stack size exceeded), so each is sent as deep as it will go.
      const deepest: Record<string, number> = {};
      const deep: Record<string, (depth: number) => unknown> = {
        object: (d) => nest(d, { roundtrip: 1, command: 'next' }, (a) => ({ a })),
        array: (d) => nest(d, 'next', (a) => [a]),
        'extra field': (d) => ({ roundtrip: 1, command: 'next', extra: nest(d, 1, (a) => ({ a })) }),
        step: (d) => ({ roundtrip: 1, command: 'goto', step: nest(d, 3, (a) => [a]) }),
        scenario: (d) => ({
          roundtrip: 1,
          command: 'setScenario',
          scenario: nest(d, 'nxdomain', (a) => ({ a })),
        }),
        '__proto__ chain': (d) =>
          nest(d, { polluted: 1 }, (a) => JSON.parse(`{"__proto__":${JSON.stringify(a)}}`)),
      };
      for (const [name, make] of Object.entries(deep)) {
        for (let depth = 10_000; depth >= 500; depth = Math.floor(depth / 2)) {
          try {
            player.postMessage(make(depth), '*');
            deepest[name] = depth;
            break;
          } catch {
            // too deep for the structured clone: try half as deep
          }
        }
      }
      return { failed, deepest };
    }, PAYLOADS);
    expect(posted.failed, 'messages the host page could not post').toEqual([]);
    for (const depth of Object.values(posted.deepest)) expect(depth).toBeGreaterThanOrEqual(2_000);
    expect(Object.keys(posted.deepest)).toHaveLength(6);
    test.info().annotations.push({ type: 'nesting delivered', description: JSON.stringify(posted.deepest) });

    // Still obeyed, and still where it was: none of the above moved it.
    const send = (data: unknown) =>
      page.evaluate((d) => (window as unknown as { send: (d: unknown) => void }).send(d), data);
    await send({ roundtrip: 1, command: 'getState' });
    await expect
      .poll(async () => (await received()).filter((m) => m.includes('"event":"state"')).at(-1))
      .toMatch(/"scenario":"cache-hit","step":2,/);
    await send({ roundtrip: 1, command: 'goto', step: 4 });
    await expect(frame.getByRole('status')).toContainText('Step 4 of');
    // Nothing sent came back: no payload, no key of the hostile objects, no huge string.
    const echoed = (await received()).join('\n');
    expect(echoed).not.toMatch(/pwned|polluted|xxxxxxxxxx|"extra"/);
    expect(echoed.length).toBeLessThan(100_000);

    const player = page.frames().find((f) => f.url().startsWith(APP_URL));
    if (!player) throw new Error('no player frame');
    expect(await harm(player)).toEqual([]);
    await stillWorks(frame);
  });
});
