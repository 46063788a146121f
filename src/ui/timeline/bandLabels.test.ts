import { describe, expect, it } from 'vitest';
import { BAND_INSET, LABEL_GAP, placeBandLabels } from './bandLabels.ts';

const band = (left: number, width: number, full = 60, short = 24) => ({
  left,
  width,
  full,
  short,
  outside: short,
});

describe('placeBandLabels', () => {
  it('keeps the whole name, then the short one, inside a band wide enough for it', () => {
    const places = placeBandLabels([band(0, 60 + BAND_INSET), band(66, 30 + BAND_INSET)], 200);
    expect(places.map((p) => p.kind)).toEqual(['full', 'short']);
  });

  it('puts a name too wide for its band above it, centred on the band where there is room', () => {
    const [, place] = placeBandLabels([band(0, 200), band(200, 14), band(214, 200)], 414);
    expect(place).toEqual({ kind: 'outside', left: 207 - 12, tick: 207 });
  });

  it('pushes neighbouring outside names apart and keeps them inside the track', () => {
    const places = placeBandLabels([band(0, 10), band(10, 10), band(20, 10)], 30 + 100);
    const lefts = places.map((p) => (p.kind === 'outside' ? p.left : NaN));
    expect(lefts[0]).toBe(0);
    expect(lefts[1]).toBe(24 + LABEL_GAP);
    expect(lefts[2]).toBe(2 * (24 + LABEL_GAP));
    const crowded = placeBandLabels([band(0, 200), band(390, 5), band(395, 5)], 400);
    const [a, b] = crowded.slice(1).map((p) => (p.kind === 'outside' ? p.left : NaN));
    expect(b).toBe(400 - 24);
    expect(a).toBe(400 - 24 - LABEL_GAP - 24);
  });
});
