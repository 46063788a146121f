import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK } from './LinkState.ts';
import { parseHash } from './parseHash.ts';
import { shareSnippets } from './shareSnippets.ts';

const base = 'https://teach.example/roundtrip/';
const state = { ...DEFAULT_LINK, scenario: 'cache-hit', lang: 'go', db: 'mysql', step: 7 } as const;
const srcOf = (html: string, attribute: string) => {
  const value = new RegExp(`${attribute}="([^"]*)"`).exec(html)?.[1] ?? '';
  return value.replace(/&amp;/g, '&');
};

describe('shareSnippets', () => {
  it('links to this scenario, stack and step in the app, not the embed view', () => {
    const { link } = shareSnippets(base, { ...state, embed: true, api: true }, 'Application cache hit');
    expect(link.startsWith(`${base}#`)).toBe(true);
    const { state: back, problems } = parseHash(new URL(link).hash);
    expect(problems).toEqual([]);
    expect(back).toMatchObject({
      scenario: 'cache-hit',
      lang: 'go',
      db: 'mysql',
      step: 7,
      embed: false,
      api: false,
    });
  });

  it('iframe: the embed view at 16:9 with fullscreen allowed and a title', () => {
    const { iframe } = shareSnippets(base, state, 'Application cache hit');
    expect(iframe).toMatch(/^<iframe /);
    expect(iframe).toContain('allow="fullscreen"');
    expect(iframe).toContain('title="Roundtrip: Application cache hit"');
    expect(iframe).toContain('aspect-ratio: 16 / 9');
    const { state: linked } = parseHash(new URL(srcOf(iframe, 'src')).hash);
    expect(linked).toMatchObject({ scenario: 'cache-hit', step: 7, embed: true, api: false });
  });

  it('reveal.js: a lazily loaded iframe with api=1 and handoff=1', () => {
    const { reveal } = shareSnippets(base, state, 'Application cache hit');
    expect(reveal).toMatch(/^<section>\n {2}<iframe data-src="/);
    const { state: linked } = parseHash(new URL(srcOf(reveal, 'data-src')).hash);
    expect(linked).toMatchObject({ step: 7, embed: true, api: true, handoff: true });
  });

  it('a title cannot break out of its attribute', () => {
    const { iframe } = shareSnippets(base, state, '"><script>alert(1)</script>');
    expect(iframe).not.toContain('<script>');
    expect(iframe).toContain('&quot;&gt;&lt;script&gt;');
  });
});
