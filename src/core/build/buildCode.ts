import type { DataCentre, Place } from '../model/scenario.ts';
import type { BuildRequest, BuildSpec, WarmThing } from './BuildSpec.ts';
import { BUILD_FAULTS, DEFAULT_BUILD, MAX_REPLICAS, MIN_REPLICAS, WARM_THINGS } from './BuildSpec.ts';
import { buildProblems } from './buildProblems.ts';

/** The version every code starts with. A later version adds its own table and keeps reading this one. */
export const BUILD_VERSION = 'v1';

const REQUEST_TOKENS: Readonly<Record<BuildRequest, string | null>> = {
  product: null,
  review: 'post',
  search: 'sku',
  stylesheet: 'css',
  typo: 'typo',
  noauth: 'noauth',
  invalid: 'invalid',
};
const PLACE_TOKENS: Readonly<Record<Place, string>> = {
  'same-city': 'city',
  'same-continent': 'continent',
  'other-continent': 'far',
  satellite: 'sat',
};
const SERVER_TOKENS: Readonly<Record<DataCentre, string | null>> = {
  frankfurt: null,
  ashburn: 'dc-ashburn',
  'sao-paulo': 'dc-saopaulo',
  singapore: 'dc-singapore',
};
const WARM_TOKENS: Readonly<Record<WarmThing, string>> = {
  browserHttp: 'warm-http',
  browserDns: 'warm-dns',
  resolver: 'warm-resolver',
  cdn: 'warm-cdn',
  appCache: 'warm-cache',
  connection: 'warm-conn',
};

/** The key of a value in a token table. */
const keyOf = <K extends string>(table: Readonly<Record<K, string | null>>, token: string): K | undefined =>
  (Object.keys(table) as K[]).find((k) => table[k] === token);

/**
 * One kind of part in a code: the tokens it writes for a spec, and how it reads one token (null: not its
 * token). `slot` names what a token sets, so a code that sets it twice is refused. The table's order is
 * the order a code is written in.
 */
interface CodePart {
  readonly write: (spec: BuildSpec) => readonly string[];
  readonly read: (token: string, spec: BuildSpec) => { slot: string; spec: BuildSpec } | null;
}

const V1: readonly CodePart[] = [
  {
    write: (s) => [REQUEST_TOKENS[s.request]].filter((t): t is string => t !== null),
    read: (t, s) => {
      const request = keyOf(REQUEST_TOKENS, t);
      return request ? { slot: 'request', spec: { ...s, request } } : null;
    },
  },
  {
    write: (s) => (s.skuIndex ? ['index'] : []),
    read: (t, s) => (t === 'index' ? { slot: t, spec: { ...s, skuIndex: true } } : null),
  },
  {
    write: (s) => (s.https ? [] : ['http']),
    read: (t, s) => (t === 'http' ? { slot: t, spec: { ...s, https: false } } : null),
  },
  {
    write: (s) => (s.replicas > 0 ? [`lb${s.replicas}`] : []),
    read: (t, s) => {
      const n = Number(/^lb(\d)$/.exec(t)?.[1]);
      return n >= MIN_REPLICAS && n <= MAX_REPLICAS ? { slot: 'lb', spec: { ...s, replicas: n } } : null;
    },
  },
  {
    write: (s) => (s.kubernetes ? ['k8s'] : []),
    read: (t, s) => (t === 'k8s' ? { slot: t, spec: { ...s, kubernetes: true } } : null),
  },
  {
    write: (s) => (s.cdn ? ['cdn'] : []),
    read: (t, s) => (t === 'cdn' ? { slot: t, spec: { ...s, cdn: true } } : null),
  },
  {
    write: (s) => (s.appCache ? ['cache'] : []),
    read: (t, s) => (t === 'cache' ? { slot: t, spec: { ...s, appCache: true } } : null),
  },
  {
    write: (s) => (s.user ? [PLACE_TOKENS[s.user]] : []),
    read: (t, s) => {
      const user = keyOf(PLACE_TOKENS, t);
      return user ? { slot: 'place', spec: { ...s, user } } : null;
    },
  },
  {
    write: (s) => [SERVER_TOKENS[s.servers]].filter((t): t is string => t !== null),
    read: (t, s) => {
      const servers = keyOf(SERVER_TOKENS, t);
      return servers ? { slot: 'servers', spec: { ...s, servers } } : null;
    },
  },
  {
    write: (s) => WARM_THINGS.filter((w) => s.warm.has(w)).map((w) => WARM_TOKENS[w]),
    read: (t, s) => {
      const thing = keyOf(WARM_TOKENS, t);
      return thing ? { slot: t, spec: { ...s, warm: new Set([...s.warm, thing]) } } : null;
    },
  },
  {
    write: (s) => (s.fault ? [`fault-${s.fault}`] : []),
    read: (t, s) => {
      const fault = t.startsWith('fault-') ? t.slice('fault-'.length) : '';
      return Object.hasOwn(BUILD_FAULTS, fault)
        ? { slot: 'fault', spec: { ...s, fault: fault as keyof typeof BUILD_FAULTS } }
        : null;
    },
  },
];

/** A build's code for links: "v1.lb3.cdn.far.fault-db-timeout" (every part in the table's order; defaults left out). */
export function encodeBuild(spec: BuildSpec): string {
  return [BUILD_VERSION, ...V1.flatMap((part) => part.write(spec))].join('.');
}

export type DecodedBuild =
  { readonly ok: true; readonly spec: BuildSpec } | { readonly ok: false; readonly problem: string };

/** The longest code read: every part at once is under 140 characters. */
const MAX_CODE = 200;

/**
 * Reads a build code back, or says what is wrong with it in a sentence that names the part ("unknown part
 * \"lb9\""). Parts may come in any order; a spec with `buildProblems` is refused. Never throws.
 */
export function decodeBuild(code: string): DecodedBuild {
  if (code.length > MAX_CODE) return { ok: false, problem: `longer than ${MAX_CODE} characters` };
  const [version, ...tokens] = code.split('.');
  if (version !== BUILD_VERSION)
    return { ok: false, problem: `unknown version "${version ?? ''}" (this player reads ${BUILD_VERSION})` };
  let spec = DEFAULT_BUILD;
  const slots = new Set<string>();
  for (const token of tokens) {
    const read = V1.map((part) => part.read(token, spec)).find((r) => r !== null);
    if (!read) return { ok: false, problem: `unknown part "${token.slice(0, 24)}"` };
    if (slots.has(read.slot)) return { ok: false, problem: `"${token}" sets ${read.slot} a second time` };
    slots.add(read.slot);
    spec = read.spec;
  }
  const [problem] = buildProblems(spec);
  return problem === undefined ? { ok: true, spec } : { ok: false, problem };
}
