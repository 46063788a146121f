import type { Locator } from '@playwright/test';

/**
 * The lines an element's text is drawn on, read back from where its characters fall (a new line
 * starts where a character sits lower than the line's first), each trimmed.
 */
export const textLines = (element: Locator): Promise<string[]> =>
  element.evaluate((root) => {
    const range = document.createRange();
    const lines: string[] = [];
    let top = -Infinity;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (let i = 0; i < (node.textContent ?? '').length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.top > top + box.height / 2) {
          lines.push('');
          top = box.top;
        }
        lines.push(`${lines.pop() ?? ''}${node.textContent?.[i] ?? ''}`);
      }
    return lines.map((line) => line.trim());
  });

/**
 * Whether `text` may break after its first `count` non-space characters: at a space, after _ . / -, or
 * before an address's port (":56209").
 */
export function breaksAt(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (seen === count)
      return /\s/.test(text[i]!) || /[_./-]/.test(text[i - 1] ?? '') || /^:\d/.test(text.slice(i, i + 2));
    if (!/\s/.test(text[i]!)) seen += 1;
  }
  return true;
}

/** The line ends of `lines` (drawn from `text`) that fall inside a word: none if it wraps only where it may. */
export function brokenInside(text: string, lines: readonly string[]): string[] {
  let passed = 0;
  return lines.slice(0, -1).filter((line) => {
    passed += line.replace(/\s+/g, '').length;
    return !breaksAt(text, passed);
  });
}
