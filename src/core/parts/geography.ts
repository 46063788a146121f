import type { DataCentre, Place } from '../model/scenario.ts';
import { groupDigits } from '../format/groupDigits.ts';

/**
 * Light in optical fibre: about 204,000 km/s (glass's group index ≈ 1.47 at 1550 nm), so ≈ 200 km per
 * millisecond — a third slower than in vacuum.
 */
export const FIBRE_KM_PER_MS = 200;

/**
 * Real routes are longer than the straight line between two cities: cables follow coasts, roads and
 * railways, and traffic goes through exchange points. Bozkurt et al., "Dissecting Latency in the
 * Internet's Fiber Infrastructure" (2017), cite the rule of thumb from earlier measurements: multiply the
 * line-of-sight distance by 2.1, then divide by the speed of light in fibre.
 */
export const ROUTING_FACTOR = 2.1;

/** Radio to and from a geostationary satellite: 35,786 km up and 35,786 km down at 299,792 km/s. */
export const GEOSTATIONARY_KM = 35_786;
const LIGHT_KM_PER_MS = 299.792;

/**
 * The last mile (home Wi-Fi and the access network to the ISP) each way on home broadband: an assumed
 * 5 ms (fibre and cable connections measure an idle round trip of roughly 10–20 ms to the ISP).
 */
export const ACCESS_MS = 5;

/** Where the servers are unless a scenario says otherwise. */
export const DATA_CENTRE = 'Frankfurt';

/** A point on the globe, degrees. */
interface Coordinates {
  readonly lat: number;
  readonly lon: number;
}

/** The data centres the servers can be in: the city and its coordinates. */
export const DATA_CENTRES: Readonly<Record<DataCentre, Coordinates & { readonly where: string }>> = {
  frankfurt: { where: 'Frankfurt', lat: 50.11, lon: 8.68 },
  ashburn: { where: 'Ashburn, Virginia', lat: 39.04, lon: -77.49 },
  'sao-paulo': { where: 'São Paulo', lat: -23.55, lon: -46.63 },
  singapore: { where: 'Singapore', lat: 1.35, lon: 103.82 },
};

export interface PlaceInfo extends Coordinates {
  /** "other continent" */
  readonly label: string;
  /** Where the user is: "São Paulo". */
  readonly where: string;
  /** Line-of-sight (great-circle) distance from the user's ISP to the Frankfurt data centre, km. */
  readonly km: number;
  /** The user's own link to their ISP, one way, ms: the last mile, or the satellite's round trip through space. */
  readonly accessMs: number;
}

const SATELLITE_MS = Math.round(((2 * GEOSTATIONARY_KM) / LIGHT_KM_PER_MS) * 10) / 10;

/**
 * Great-circle distances from Frankfurt (50.11° N, 8.68° E), rounded to 5 km (`greatCircleKm` gives the same
 * from the coordinates). The satellite's coordinates are its ground station's (teleport), next to Frankfurt's
 * data centre.
 */
export const PLACES: Readonly<Record<Place, PlaceInfo>> = {
  'same-city': { label: 'same city', where: 'Frankfurt', km: 10, accessMs: ACCESS_MS, lat: 50.11, lon: 8.68 },
  'same-continent': {
    label: 'same continent',
    where: 'Madrid',
    km: 1445,
    accessMs: ACCESS_MS,
    lat: 40.42,
    lon: -3.7,
  },
  'other-continent': {
    label: 'other continent',
    where: 'São Paulo',
    km: 9830,
    accessMs: ACCESS_MS,
    lat: -23.55,
    lon: -46.63,
  },
  satellite: {
    label: 'satellite link',
    where: 'a ship in the North Atlantic',
    km: 10,
    accessMs: SATELLITE_MS,
    lat: 50.11,
    lon: 8.68,
  },
};

/** The mean Earth radius (IUGG), km. */
const EARTH_KM = 6371.0088;

/** The great-circle distance between two points by the haversine formula, rounded to 5 km. */
export function greatCircleKm(a: Coordinates, b: Coordinates): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return Math.round((2 * EARTH_KM * Math.asin(Math.sqrt(h))) / 5) * 5;
}

/** How far the user's ISP (or the satellite's ground station) is from the servers: at least 10 km, across town. */
export function distanceKm(place: Place, servers: DataCentre = 'frankfurt'): number {
  if (servers === 'frankfurt') return PLACES[place].km;
  return Math.max(10, greatCircleKm(PLACES[place], DATA_CENTRES[servers]));
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** One way over `km` of line-of-sight distance: the fibre route (× ROUTING_FACTOR) at light's speed in glass. */
export const fibreMs = (km: number): number => round((km * ROUTING_FACTOR) / FIBRE_KM_PER_MS);

/**
 * The one-way latencies that depend on where the user is, by link ("browser-proxy"). The user's resolver
 * and a CDN edge are in the user's city; root and TLD servers are anycast, so a copy is near any
 * resolver and those links keep the world's figures; everything inside the data centre does too.
 */
export function placeLatencies(
  place: Place,
  servers: DataCentre = 'frankfurt',
): Readonly<Record<string, number>> {
  const { accessMs } = PLACES[place];
  const km = distanceKm(place, servers);
  const nearby = round(accessMs + fibreMs(10));
  return {
    'stub-resolver': nearby,
    'resolver-auth': fibreMs(km),
    'browser-cdn': nearby,
    'cdn-proxy': fibreMs(km),
    'browser-proxy': round(accessMs + fibreMs(km)),
  };
}

/** The arithmetic in words, for a narration: "9,830 km × 2.1 for the route ÷ 200 km per ms in fibre ≈ 103.2 ms". */
export function distanceSentence(place: Place, servers: DataCentre = 'frankfurt'): string {
  const { where, accessMs, label } = PLACES[place];
  const km = distanceKm(place, servers);
  const dc = DATA_CENTRES[servers].where;
  const fibre = `${groupDigits(km)} km × ${ROUTING_FACTOR} for the cable route ÷ ${FIBRE_KM_PER_MS} km per ms in fibre ≈ ${fibreMs(km)} ms`;
  if (place === 'satellite')
    return `The user is on ${where}, on a geostationary satellite link: ${groupDigits(GEOSTATIONARY_KM)} km up and as far down again at the speed of light is ${accessMs} ms each way, before the ground station's ${servers === 'frankfurt' ? 'short fibre' : `fibre (${fibre})`} to ${dc}.`;
  return servers === 'frankfurt'
    ? `The user is in ${where} (${label}), the servers in ${DATA_CENTRE}: ${fibre} each way, plus about ${accessMs} ms for the last mile.`
    : `The user is in ${where}, the servers in ${dc}: ${fibre} each way, plus about ${accessMs} ms for the last mile.`;
}
