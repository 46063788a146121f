import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../engine/buildTimeline.ts';
import type { DataCentre, Place, Scenario } from '../model/scenario.ts';
import { farAway } from '../scenarios/farAway.ts';
import { farAwayCdn } from '../scenarios/farAwayCdn.ts';
import { LANGUAGES, DATABASES } from '../model/stack.ts';
import { DATA_CENTRES, distanceKm, fibreMs, greatCircleKm, PLACES, placeLatencies } from './geography.ts';

const stack = { lang: 'node', db: 'postgres' } as const;
const at = (scenario: Scenario, user: Place): Scenario => ({
  ...scenario,
  topology: { ...scenario.topology, user },
});
const BY_DISTANCE: readonly Place[] = ['same-city', 'same-continent', 'other-continent'];

describe('geography', () => {
  it('turns distance into latency: 9,830 km × 2.1 ÷ 200 km/ms ≈ 103.22 ms', () => {
    expect(fibreMs(9830)).toBe(103.22);
    expect(placeLatencies('other-continent')['browser-proxy']).toBe(108.22);
    // A geostationary hop: 2 × 35,786 km at the speed of light.
    expect(PLACES.satellite.accessMs).toBe(238.7);
  });

  it('the far-away narration says the distance and the arithmetic', () => {
    const first = buildTimeline(farAway, stack).steps[0];
    expect(first?.narration).toContain('São Paulo');
    expect(first?.narration).toContain(
      '9,830 km × 2.1 for the cable route ÷ 200 km per ms in fibre ≈ 103.22 ms',
    );
  });

  it('every crossing link and the whole journey grow with distance, with or without a CDN, on any stack', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(farAway, farAwayCdn),
        fc.constantFrom(...LANGUAGES),
        fc.constantFrom(...DATABASES),
        (scenario, lang, db) => {
          const totals = BY_DISTANCE.map((p) => buildTimeline(at(scenario, p), { lang, db }).totalMs);
          expect(totals).toEqual([...totals].sort((a, b) => a - b));
          expect(new Set(totals).size).toBe(totals.length);
          const links = BY_DISTANCE.map((p) => placeLatencies(p));
          for (const key of ['browser-proxy', 'cdn-proxy', 'resolver-auth'])
            expect(links.map((l) => l[key])).toEqual(
              links.map((l) => l[key]).sort((a, b) => (a ?? 0) - (b ?? 0)),
            );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('a CDN hit near the user beats the origin far away; a cold lookup of the CDN’s alias costs its own round trips', () => {
    const connects = (t: ReturnType<typeof buildTimeline>) =>
      t.steps.find((s) => s.id.startsWith('tcp-'))?.startMs ?? 0;
    for (const place of BY_DISTANCE) {
      const origin = buildTimeline(at(farAway, place), stack);
      const edge = buildTimeline(at(farAwayCdn, place), stack);
      // from the connection on, the edge is never slower, and faster once the origin is out of town
      const after = (t: typeof origin) => t.totalMs - connects(t);
      expect(after(edge), place).toBeLessThanOrEqual(after(origin));
      if (place !== 'same-city') expect(edge.totalMs, place).toBeLessThan(origin.totalMs);
      // the alias (CNAME) sends a cold resolver on to the .example server and the CDN's name server
      expect(connects(edge), place).toBeGreaterThan(connects(origin));
    }
    expect(buildTimeline(farAwayCdn, stack).totalMs).toBeLessThan(buildTimeline(farAway, stack).totalMs / 2);
  });

  it('a satellite link is slow even to a CDN edge in the same city: the distance is in space', () => {
    const sat = buildTimeline(at(farAwayCdn, 'satellite'), stack).totalMs;
    expect(sat).toBeGreaterThan(buildTimeline(farAway, stack).totalMs);
  });

  it('the great circle from the coordinates gives the table’s distances from Frankfurt', () => {
    for (const place of BY_DISTANCE)
      expect(Math.max(10, greatCircleKm(PLACES[place], DATA_CENTRES.frankfurt)), place).toBe(
        PLACES[place].km,
      );
  });

  it('where the servers are sets the distance too: São Paulo’s users are near servers in São Paulo, far from Singapore', () => {
    expect(distanceKm('other-continent', 'sao-paulo')).toBe(10);
    expect(distanceKm('other-continent', 'singapore')).toBe(15985);
    expect(distanceKm('same-continent', 'ashburn')).toBe(6115);
    const served = (servers: DataCentre) =>
      buildTimeline(
        { ...farAway, topology: { ...farAway.topology, user: 'other-continent', servers } },
        stack,
      );
    const totals = (['sao-paulo', 'ashburn', 'frankfurt', 'singapore'] as const).map(
      (dc) => served(dc).totalMs,
    );
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(served('singapore').steps[0]?.narration).toContain(
      'the servers in Singapore: 15,985 km × 2.1 for the cable route ÷ 200 km per ms in fibre ≈ 167.84 ms',
    );
  });
});
