import type { Page } from '@playwright/test';
import { expect, openStepTitled, test, timelineOf } from './fixtures.ts';

/**
 * A packet's label breaks only between words or after a URL's separators (/ ? & =), a name's
 * underscore, a host name's or an address's dot, never inside a word ("prod␣ucts/", seen on a 390 px
 * phone and in the 480×270 embed). A piece that cannot fit is elided, with the whole label in the
 * packet's title; and the packet never covers a card.
 */

const VIEWS = [
  { name: 'phone', width: 390, height: 844, hash: '', mobile: true },
  { name: 'phone', width: 320, height: 640, hash: '', mobile: true },
  { name: 'embed view', width: 480, height: 270, hash: '&embed=1', mobile: false },
  { name: 'main view, projector', width: 1280, height: 720, hash: '&theme=projector', mobile: false },
  { name: 'main view, light', width: 1280, height: 720, hash: '&theme=light', mobile: false },
] as const;

/** Packets whose labels are long, one word too wide, or a long host name. */
const PACKETS = [
  { scenario: 'first-visit', id: 'http-request' },
  { scenario: 'first-visit', id: 'tls-client-hello' },
  { scenario: 'first-visit', id: 'tls-encrypted-extensions' },
  { scenario: 'first-visit', id: 'tls-certificate-verify' },
  { scenario: 'first-visit', id: 'dns-result' },
  { scenario: 'cdn-hit', id: 'dns-answer-cached' },
] as const;

/**
 * Where a label may break: after a space, after / ? & = _, after a dot between letters or digits
 * (a host name's labels, an address's bytes), between the words of a TLS message ("Client␣Hello").
 */
const BREAK = /(?<=[/?&=_])(?=.)|(?<=[A-Za-z0-9-]\.)(?=[A-Za-z0-9])|(?<=[a-z])(?=[A-Z])/;
const pieces = (word: string): string[] => word.split(BREAK);

type Drawn = {
  readonly pieces: { text: string; lines: number; elided: boolean }[];
  readonly title: string | null;
  readonly overlaps: string[];
};

const drawn = (page: Page, allowed: string): Promise<Drawn> =>
  page
    .getByRole('region', { name: 'Request diagram' })
    .locator('.rt-packet')
    .evaluate((packet, source) => {
      const split = new RegExp(source);
      const label = packet.querySelector('.rt-packet-label');
      if (!label) throw new Error('no label');
      // Every piece of every word as drawn: on how many lines, and whether it is cut.
      const text = [...label.childNodes].length ? (label.textContent ?? '') : '';
      const found: Drawn['pieces'] = [];
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      // The label's characters, each with its text node, so a piece may span several nodes.
      const chars = nodes.flatMap((node) => [...(node.textContent ?? '')].map((_, i) => ({ node, i })));
      let at = 0;
      for (const word of text.split(' ')) {
        for (const piece of word.split(split)) {
          const first = chars[at];
          const last = chars[at + piece.length - 1];
          at += piece.length;
          if (!first || !last) continue;
          const range = document.createRange();
          range.setStart(first.node, first.i);
          range.setEnd(last.node, last.i + 1);
          const tops = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          const holder = first.node.parentElement;
          const elided = !!holder && holder.scrollWidth > holder.clientWidth + 0.5;
          found.push({ text: piece, lines: tops.size, elided });
        }
        at += 1;
      }
      const box = packet.getBoundingClientRect();
      const ring = (3 * box.width) / (packet as HTMLElement).offsetWidth;
      const overlaps = [...document.querySelectorAll('.rt-node--from, .rt-node--to')].flatMap((card) => {
        const c = card.getBoundingClientRect();
        const over =
          Math.min(box.right + ring, c.right) - Math.max(box.left - ring, c.left) > 0.5 &&
          Math.min(box.bottom + ring, c.bottom) - Math.max(box.top - ring, c.top) > 0.5;
        return over ? [card.querySelector('.rt-node-name')?.textContent ?? ''] : [];
      });
      return { pieces: found, title: packet.getAttribute('title'), overlaps };
    }, allowed);

const ALLOWED = BREAK.source;

for (const view of VIEWS)
  test.describe(`${view.name} ${view.width}×${view.height}`, () => {
    test.use({ isMobile: view.mobile, hasTouch: view.mobile });

    test('a packet’s label breaks only between words or after a separator, elided with its whole text as title', async ({
      page,
    }) => {
      await page.setViewportSize({ width: view.width, height: view.height });
      for (const { scenario, id } of PACKETS) {
        const timeline = timelineOf(scenario);
        const index = timeline.steps.findIndex((s) => s.id === id);
        const summary = timeline.steps[index]?.message.summary ?? '';
        const stepTitle = timeline.steps[index]?.title ?? '';
        await openStepTitled(page, `scenario=${scenario}&motion=0${view.hash}`, stepTitle, index + 1);
        await page.waitForTimeout(150);
        const { pieces: found, title, overlaps } = await drawn(page, ALLOWED);
        const where = `${scenario} ${id} "${summary}"`;
        expect(found.map((p) => p.text).join(''), where).toBe(summary.replaceAll(' ', ''));
        expect(found.length, where).toBe(summary.split(' ').flatMap(pieces).length);
        for (const piece of found) expect(piece.lines, `${where}: "${piece.text}" on one line`).toBe(1);
        if (found.some((p) => p.elided)) expect(title, `${where}: the whole label as title`).toBe(summary);
        // A projector's or a laptop's packet has room for every piece of these labels.
        if (view.width >= 960)
          expect(
            found.filter((p) => p.elided).map((p) => p.text),
            `${where}: elided`,
          ).toEqual([]);
        expect(overlaps, `${where}: over a card`).toEqual([]);
      }
    });
  });
