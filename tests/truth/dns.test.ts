// Every DNS message a timeline shows survives a real DNS codec (dns-packet): encoded to wire bytes
// and decoded back, every name, TTL, type, flag and rcode is unchanged. The messages also follow
// the protocol: ids match, stubs ask for recursion, resolvers iterate without it, referrals carry glue,
// authority records come from a zone containing the name, and an NXDOMAIN carries its SOA.
import * as dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Packet } from 'dns-packet';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, SCENARIOS, buildTimeline, scenarioById } from '../../src/core/index.ts';
import type { DnsMessage, DnsRecord, DnsRecordType, Scenario, Timeline } from '../../src/core/index.ts';
import { formatDig } from '../../src/core/protocols/formatDig.ts';
import { stepsWith } from './timelines.ts';
import type { StepWith } from './timelines.ts';

// DNS does not depend on the stack.
const STACK = { lang: 'node', db: 'postgres' } as const;

const RCODE = { NOERROR: 0, NXDOMAIN: 3 } as const;

// --- The core's shape ⇄ dns-packet's -------------------------------------------------------------

function soaData(data: string): {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
} {
  const [mname = '', rname = '', ...numbers] = data.split(' ');
  const [serial, refresh, retry, expire, minimum] = numbers.map(Number);
  if (
    numbers.length !== 5 ||
    [serial, refresh, retry, expire, minimum].some((n) => n === undefined || !Number.isInteger(n))
  ) {
    throw new Error(`SOA data is not "mname rname serial refresh retry expire minimum": ${data}`);
  }
  return {
    mname,
    rname,
    serial: serial ?? 0,
    refresh: refresh ?? 0,
    retry: retry ?? 0,
    expire: expire ?? 0,
    minimum: minimum ?? 0,
  };
}

function toAnswer(r: DnsRecord): Answer {
  const base = { name: r.name, ttl: r.ttl, class: 'IN' as const };
  switch (r.type) {
    case 'A':
    case 'NS':
      return { ...base, type: r.type, data: r.data };
    case 'SOA':
      return { ...base, type: 'SOA', data: soaData(r.data) };
  }
}

function toPacket(m: DnsMessage): Packet {
  const flags =
    (m.rd ? dnsPacket.RECURSION_DESIRED : 0) |
    (m.ra ? dnsPacket.RECURSION_AVAILABLE : 0) |
    (m.aa ? dnsPacket.AUTHORITATIVE_ANSWER : 0) |
    RCODE[m.rcode];
  return {
    type: m.kind,
    id: m.id,
    flags,
    questions: [{ name: m.question.name, type: m.question.type, class: 'IN' }],
    answers: m.answers.map(toAnswer),
    authorities: m.authorities.map(toAnswer),
    additionals: [
      ...m.additionals.map(toAnswer),
      ...(m.edns === null
        ? []
        : [
            {
              type: 'OPT' as const,
              name: '.',
              udpPayloadSize: m.edns,
              extendedRcode: 0,
              ednsVersion: 0,
              flags: 0,
              flag_do: false,
              options: [],
            },
          ]),
    ],
  };
}

/** dns-packet drops the trailing dot (except on the root, which it decodes as "."); the core writes fully qualified names. */
const fqdn = (name: string): string => (name === '.' ? '.' : `${name}.`);

function fromAnswer(a: Answer): DnsRecord {
  const record = (type: DnsRecordType, ttl: number | undefined, data: string): DnsRecord => ({
    name: fqdn(a.name),
    type,
    ttl: ttl ?? -1,
    data,
  });
  switch (a.type) {
    case 'A':
      return record('A', a.ttl, a.data);
    case 'NS':
      return record('NS', a.ttl, fqdn(a.data));
    case 'SOA': {
      const d = a.data;
      return record(
        'SOA',
        a.ttl,
        [fqdn(d.mname), fqdn(d.rname), d.serial, d.refresh, d.retry, d.expire, d.minimum].join(' '),
      );
    }
    default:
      throw new Error(`unexpected record type ${a.type}`);
  }
}

/** Back to the core's shape. The server address is not in a DNS message (it is where the UDP packet went), so it is carried over. */
function fromPacket(p: DecodedPacket, server: string): DnsMessage {
  const rcode = (p.flags ?? 0) & 0xf;
  const name = Object.entries(RCODE).find(([, code]) => code === rcode)?.[0];
  if (name !== 'NOERROR' && name !== 'NXDOMAIN') throw new Error(`unexpected rcode ${rcode}`);
  const [question, ...more] = p.questions ?? [];
  if (!question || more.length > 0) throw new Error('expected exactly one question');
  if (question.type !== 'A' && question.type !== 'NS' && question.type !== 'SOA')
    throw new Error(`unexpected question type ${question.type}`);
  return {
    id: p.id ?? -1,
    kind: p.type ?? 'query',
    rd: p.flag_rd,
    ra: p.flag_ra,
    aa: p.flag_aa,
    rcode: name,
    question: { name: fqdn(question.name), type: question.type },
    answers: (p.answers ?? []).map(fromAnswer),
    authorities: (p.authorities ?? []).map(fromAnswer),
    additionals: (p.additionals ?? []).filter((a) => a.type !== 'OPT').map(fromAnswer),
    server,
    edns:
      ((p.additionals ?? []).find((a) => a.type === 'OPT') as { udpPayloadSize?: number } | undefined)
        ?.udpPayloadSize ?? null,
  };
}

const roundTrip = (
  m: DnsMessage,
): { readonly bytes: Buffer; readonly decoded: DecodedPacket; readonly back: DnsMessage } => {
  const bytes = dnsPacket.encode(toPacket(m));
  const decoded = dnsPacket.decode(bytes);
  return { bytes, decoded, back: fromPacket(decoded, m.server) };
};

// --- The checks ------------------------------------------------------------------------------------

const variant = (id: string, label: string, change: (s: Scenario) => Scenario): Scenario => {
  const base = scenarioById(id);
  if (!base) throw new Error(`no scenario ${id}`);
  return { ...change(base), id: `${id}, ${label}` };
};

/** Lookups no scenario makes (the property tests generate them). */
const VARIANTS: Scenario[] = [
  variant('first-visit', 'resolver already knows the .example servers', (s) => ({
    ...s,
    start: { ...s.start, resolverCache: 'tld' },
  })),
  variant('first-visit', 'behind a CDN', (s) => ({ ...s, topology: { ...s.topology, cdn: true } })),
  variant('nxdomain', 'typo in the top-level domain (shop.exmaple)', (s) => ({
    ...s,
    request: { ...s.request, url: 'https://shop.exmaple/api/products/42' },
  })),
  variant('nxdomain', 'shop.exmaple, resolver knows the .example servers', (s) => ({
    ...s,
    start: { ...s.start, resolverCache: 'tld' },
    request: { ...s.request, url: 'https://shop.exmaple/api/products/42' },
  })),
  variant('nxdomain', 'shpo.example, resolver has shop.example cached', (s) => ({
    ...s,
    start: { ...s.start, resolverCache: 'answer' },
  })),
  variant('nxdomain', 'a name inside the shop’s zone that does not exist (www.shop.example)', (s) => ({
    ...s,
    request: { ...s.request, url: 'https://www.shop.example/api/products/42' },
  })),
  variant('nxdomain', 'www.shop.example, resolver has shop.example cached', (s) => ({
    ...s,
    start: { ...s.start, resolverCache: 'answer' },
    request: { ...s.request, url: 'https://www.shop.example/api/products/42' },
  })),
];

const RESOLVING = [...SCENARIOS, ...VARIANTS]
  .map((s) => [s.id, buildTimeline(s, STACK)] as const)
  .filter(([, t]) => stepsWith(t, 'dns').length > 0);
const NAME_SERVERS = new Set(['root', 'tld', 'auth']);

/** Whether `name` is `zone` or below it, label by label ("shop.example." is within "example." and "."). */
const isWithin = (name: string, zone: string): boolean =>
  zone === '.' || name === zone || name.endsWith(`.${zone}`);

/** The query a response step answers: the latest earlier DNS step going the other way between the same two nodes. */
function queryOf(t: Timeline, response: StepWith<'dns'>): StepWith<'dns'> | undefined {
  return stepsWith(t, 'dns')
    .filter(
      (s) =>
        s.index < response.index &&
        s.from === response.to &&
        s.to === response.from &&
        s.message.dns.kind === 'query',
    )
    .at(-1);
}

describe.each(RESOLVING)('%s', (id, t) => {
  const steps = stepsWith(t, 'dns');

  it('every DNS message survives dns-packet’s encoder and decoder unchanged, and its dig text is formatDig of the decoded message', () => {
    for (const step of steps) {
      const where = `${id} step ${step.id}`;
      const { bytes, decoded, back } = roundTrip(step.message.dns);
      expect(bytes.length, `${where}: fits a classic 512-byte UDP DNS message`).toBeLessThanOrEqual(512);
      expect(decoded.flag_qr, `${where}: QR bit`).toBe(step.message.dns.kind === 'response');
      expect(back, `${where}: round trip`).toEqual(step.message.dns);
      expect(step.message.text, `${where}: dig-style text`).toBe(formatDig(back));
    }
  });

  it('each response carries its query’s id and question, and travels back the way the query came', () => {
    for (const step of steps.filter((s) => s.message.dns.kind === 'response')) {
      const query = queryOf(t, step);
      const where = `${id} step ${step.id}`;
      expect(query, `${where}: answers a query`).toBeDefined();
      expect(step.message.dns.id, `${where}: id`).toBe(query?.message.dns.id);
      expect(step.message.dns.question, `${where}: question`).toEqual(query?.message.dns.question);
      expect(step.message.dns.rd, `${where}: RD is copied from the query`).toBe(query?.message.dns.rd);
    }
  });

  it('the stub asks for recursion and the resolver’s answer offers it; iterative queries to name servers do not ask for it', () => {
    for (const step of steps) {
      const { dns } = step.message;
      const where = `${id} step ${step.id}`;
      if (step.from === 'stub' && step.to === 'resolver') expect(dns.rd, `${where}: RD`).toBe(true);
      if (step.from === 'resolver' && step.to === 'stub')
        expect([dns.rd, dns.ra], `${where}: RD and RA`).toEqual([true, true]);
      if (step.from === 'resolver' && NAME_SERVERS.has(step.to))
        expect(dns.rd, `${where}: no RD on an iterative query`).toBe(false);
      if (NAME_SERVERS.has(step.from))
        expect(dns.ra, `${where}: name servers offer no recursion`).toBe(false);
      if (dns.kind === 'query') {
        expect(
          [dns.answers, dns.authorities, dns.additionals],
          `${where}: a query carries only its question`,
        ).toEqual([[], [], []]);
      }
    }
  });

  it('authority records come from a zone that contains the name asked about', () => {
    for (const step of steps) {
      const { question, authorities } = step.message.dns;
      for (const record of authorities) {
        const where = `${id} step ${step.id}: ${record.type} ${record.name}`;
        expect(isWithin(question.name, record.name), `${where} is not an ancestor of ${question.name}`).toBe(
          true,
        );
      }
    }
  });

  it('referrals name the next servers and carry glue A records for them', () => {
    for (const step of steps) {
      const { dns } = step.message;
      const ns = dns.authorities.filter((r) => r.type === 'NS');
      if (dns.kind !== 'response' || dns.answers.length > 0 || ns.length === 0) continue;
      const where = `${id} step ${step.id}`;
      expect(dns.aa, `${where}: a referral is not authoritative`).toBe(false);
      for (const record of ns) {
        expect(
          dns.additionals.filter((r) => r.type === 'A' && r.name === record.data).length,
          `${where}: glue for ${record.data}`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('an NXDOMAIN carries the zone’s SOA in its authority section (RFC 2308), which sets how long to cache it', () => {
    for (const step of steps.filter((s) => s.message.dns.rcode === 'NXDOMAIN')) {
      const soa = step.message.dns.authorities.filter((r) => r.type === 'SOA');
      const where = `${id} step ${step.id}`;
      expect(soa.length, `${where}: SOA in authority`).toBe(1);
      expect(step.message.dns.answers, where).toEqual([]);
      const minimum = Number(soa[0]?.data.split(' ')[6]);
      expect(soa[0]?.ttl, `${where}: the negative TTL is min(SOA TTL, SOA minimum)`).toBeLessThanOrEqual(
        minimum,
      );
    }
  });
});

describe('the codec check itself', () => {
  it('would notice a name that is not fully qualified, or a TTL the wire cannot carry', () => {
    const [, t] = RESOLVING[0] ?? [];
    const step = t ? stepsWith(t, 'dns').find((s) => s.message.dns.answers.length > 0) : undefined;
    expect(step).toBeDefined();
    if (!step) return;
    const relative: DnsMessage = {
      ...step.message.dns,
      answers: step.message.dns.answers.map((r) => ({ ...r, name: r.name.replace(/\.$/, '') })),
    };
    expect(roundTrip(relative).back).not.toEqual(relative);
    const tooLong: DnsMessage = {
      ...step.message.dns,
      answers: step.message.dns.answers.map((r) => ({ ...r, ttl: 2 ** 32 })),
    };
    expect(() => roundTrip(tooLong)).toThrow(RangeError);
  });

  it('covers cold, cached and failing lookups', () => {
    const ids = RESOLVING.flatMap(([, t]) => stepsWith(t, 'dns').map((s) => s.id));
    expect(ids).toEqual(
      expect.arrayContaining([
        'dns-root-referral',
        'dns-tld-referral',
        'dns-authoritative-answer',
        'dns-answer',
        'dns-answer-cached',
        'dns-tld-nxdomain',
        'dns-answer-nxdomain',
        'dns-root-nxdomain',
        'dns-authoritative-nxdomain',
      ]),
    );
  });

  it('each NXDOMAIN comes from the server of the closest zone that exists, and the resolver skips only the zones it has cached', () => {
    const asked = (id: string): string[] => {
      const t = RESOLVING.find(([name]) => name === id)?.[1];
      if (!t) throw new Error(`no timeline ${id}`);
      return stepsWith(t, 'dns')
        .filter((s) => s.from === 'resolver' && NAME_SERVERS.has(s.to))
        .map((s) => s.to);
    };
    expect(asked('nxdomain')).toEqual(['root', 'tld']);
    expect(asked('nxdomain, typo in the top-level domain (shop.exmaple)')).toEqual(['root']);
    expect(asked('nxdomain, shop.exmaple, resolver knows the .example servers')).toEqual(['root']);
    expect(asked('nxdomain, shpo.example, resolver has shop.example cached')).toEqual(['tld']);
    expect(asked('nxdomain, a name inside the shop’s zone that does not exist (www.shop.example)')).toEqual([
      'root',
      'tld',
      'auth',
    ]);
    expect(asked('nxdomain, www.shop.example, resolver has shop.example cached')).toEqual(['auth']);
  });
});

describe('what the resolver tells the name servers', () => {
  it.each(RESOLVING)(
    '%s: it asks each server about one label more than its zone (RFC 9156), with EDNS(0)',
    (_id, t) => {
      for (const step of stepsWith(t, 'dns').filter((s) => s.from === 'resolver' && NAME_SERVERS.has(s.to))) {
        const { question, edns } = step.message.dns;
        const labels = question.name.replace(/\.$/, '').split('.').length;
        const zoneLabels = { root: 0, tld: 1, auth: 2 }[step.to as 'root' | 'tld' | 'auth'];
        expect(labels, `${step.id}: ${question.name}`).toBeLessThanOrEqual(zoneLabels + 1);
        expect(edns, `${step.id}: an OPT record`).toBe(1232);
      }
    },
  );

  it('the root hears "example.", never "shop.example."', () => {
    const t = RESOLVING.find(([id]) => id === 'first-visit')?.[1];
    const root = t ? stepsWith(t, 'dns').find((s) => s.to === 'root') : undefined;
    expect(root?.message.dns.question.name).toBe('example.');
    expect(root?.message.text).toContain('; EDNS: version: 0, flags:; udp: 1232');
  });

  it('Chrome asks the stub itself, for A and AAAA', () => {
    const t = RESOLVING.find(([id]) => id === 'first-visit')?.[1];
    const first = t?.steps.find((s) => s.from === 'browser' && s.to === 'stub');
    expect(first?.narration).toMatch(/own DNS client, not getaddrinfo/);
    expect(first?.message.text).toMatch(/ A; .* AAAA$/);
  });
});

describe('a pod’s lookup of its database through CoreDNS (kubernetes)', () => {
  const kubernetes = scenarioById('kubernetes');
  it.each(LANGUAGES)(
    'on %s: the query and the answer survive the codec; CoreDNS answers authoritatively',
    (lang) => {
      if (!kubernetes) throw new Error('no kubernetes scenario');
      const t = buildTimeline(kubernetes, { lang, db: 'mysql' });
      const cluster = stepsWith(t, 'dns').filter((s) => s.from === 'coredns' || s.to === 'coredns');
      expect(cluster.map((s) => s.message.dns.kind)).toEqual(['query', 'response']);
      for (const step of cluster) {
        const { back } = roundTrip(step.message.dns);
        expect(back, step.id).toEqual(step.message.dns);
        expect(step.message.text, step.id).toBe(formatDig(back));
      }
      const [query, answer] = cluster.map((s) => s.message.dns);
      expect(query?.question.name).toBe('mysql.default.svc.cluster.local.');
      expect([answer?.aa, answer?.ra, answer?.rd]).toEqual([true, false, true]);
      // Go's own resolver sends EDNS(0); the C library's stub does not.
      expect(query?.edns).toBe(lang === 'go' ? 1232 : null);
      expect(answer?.edns).toBe(query?.edns);
    },
  );
});
