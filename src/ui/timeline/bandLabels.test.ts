import { describe, expect, it } from 'vitest';
import { BAND_INSET, LABEL_GAP, placeBandLabels, spreadRow } from './bandLabels.ts';

const band = (left: number, width: number, full = 60, short = 24) => ({
  left,
  width,
  full,
  short,
  outside: short,
});

const lefts = (places: ReturnType<typeof placeBandLabels>) =>
  places.bands.map((p) => (p.kind === 'outside' ? p.left : NaN));

describe('placeBandLabels', () => {
  it('keeps the whole name, then the short one, inside a band wide enough for it, and needs no row', () => {
    const places = placeBandLabels([band(0, 60 + BAND_INSET), band(66, 30 + BAND_INSET)], 200);
    expect(places.bands.map((p) => p.kind)).toEqual(['full', 'short']);
    expect(places.row).toBe(false);
  });

  it('puts a name too wide for its band in the row, centred on the band where there is room', () => {
    const places = placeBandLabels([band(0, 200), band(200, 14), band(214, 200)], 414);
    expect(places.bands[1]).toEqual({ kind: 'outside', left: 207 - 12, anchor: 207, under: true });
    expect(places.row).toBe(true);
  });

  it('pushes neighbouring names apart and keeps them inside the track', () => {
    const places = placeBandLabels([band(0, 10), band(10, 10), band(20, 10)], 30 + 100);
    expect(lefts(places)).toEqual([0, 24 + LABEL_GAP, 2 * (24 + LABEL_GAP)]);
    const crowded = placeBandLabels([band(0, 200), band(390, 5), band(395, 5)], 400);
    expect(lefts(crowded).slice(1)).toEqual([400 - 24 - LABEL_GAP - 24, 400 - 24]);
    // Pushed 30 px left of its band's centre (392.5): no tick joins them.
    expect(crowded.bands[1]).toMatchObject({ under: false });
  });

  it('makes the row for a long step and keeps its duration clear of the names', () => {
    const alone = placeBandLabels([band(0, 400)], 400, [{ anchor: 100, width: 60 }]);
    expect(alone.row).toBe(true);
    expect(alone.extras).toEqual([{ left: 70, anchor: 100 }]);
    const shared = placeBandLabels([band(0, 100), band(100, 10), band(110, 290)], 400, [
      { anchor: 110, width: 60 },
    ]);
    const name = shared.bands[1];
    expect(name).toEqual({ kind: 'outside', left: 93, anchor: 105, under: true });
    expect(shared.extras[0]?.left).toBe(93 + 24 + LABEL_GAP);
  });
});

describe('spreadRow', () => {
  it('returns the left edges in the order given, whatever the anchors', () => {
    expect(
      spreadRow(
        [
          { anchor: 300, width: 20 },
          { anchor: 50, width: 20 },
        ],
        400,
      ),
    ).toEqual([290, 40]);
  });
});
