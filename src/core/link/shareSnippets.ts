import { formatHash } from './formatHash.ts';
import type { LinkState } from './LinkState.ts';

/** What the share dialog offers to copy. */
export interface ShareSnippets {
  /** A link to this scenario, stack and step. */
  readonly link: string;
  /** An iframe for a web page or an LMS: 16:9, fullscreen allowed, the embed view. */
  readonly iframe: string;
  /**
   * A reveal.js slide with the embed view: reveal.js loads `data-src` when the slide comes near and
   * posts slide:start / slide:stop to it; api=1&handoff=1 lets the clicker pass on to the next slide.
   */
  readonly reveal: string;
}

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The link, iframe and reveal.js snippets for a player's state. `base` is the page's address
 * without its hash; `title` names the frame for screen readers. View options of `state` that only
 * make sense in the app (the theme a student picked…) travel with the link as they are.
 */
export function shareSnippets(base: string, state: LinkState, title: string): ShareSnippets {
  const embed: LinkState = { ...state, embed: true, autoplay: false };
  const embedUrl = `${base}${formatHash(embed)}`;
  const revealUrl = `${base}${formatHash({ ...embed, api: true, handoff: true })}`;
  const name = escapeAttribute(`Roundtrip: ${title}`);
  return {
    link: `${base}${formatHash({ ...state, embed: false, api: false, handoff: false })}`,
    iframe:
      `<iframe src="${escapeAttribute(embedUrl)}" title="${name}" width="960" height="540" ` +
      `style="aspect-ratio: 16 / 9; width: 100%; height: auto; border: 0" allow="fullscreen" loading="lazy"></iframe>`,
    reveal:
      `<section>\n` +
      `  <iframe data-src="${escapeAttribute(revealUrl)}" data-preload title="${name}" width="960" height="540" ` +
      `style="border: 0" allow="fullscreen"></iframe>\n` +
      `</section>`,
  };
}
