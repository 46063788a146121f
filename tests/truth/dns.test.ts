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
    case 'AAAA':
    case 'CNAME':
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
              udpPayloadSize: m.edns.udp,
              extendedRcode: 0,
              ednsVersion: 0,
              flags: m.edns.do ? dnsPacket.DNSSEC_OK : 0,
              flag_do: m.edns.do,
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
    case 'AAAA':
      return record('AAAA', a.ttl, a.data);
    case 'NS':
      return record('NS', a.ttl, fqdn(a.data));
    case 'CNAME':
      return record('CNAME', a.ttl, fqdn(a.data));
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
  if (question.type !== 'A' && question.type !== 'AAAA' && question.type !== 'NS' && question.type !== 'SOA')
    throw new Error(`unexpected question type ${question.type}`);
  const opt = (p.additionals ?? []).find((a) => a.type === 'OPT') as
    { udpPayloadSize?: number; flags?: number } | undefined;
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
    edns: opt ? { udp: opt.udpPayloadSize ?? -1, do: ((opt.flags ?? 0) & dnsPacket.DNSSEC_OK) !== 0 } : null,
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
const NAME_SERVERS = new Set(['root', 'tld', 'auth', 'cdn-dns']);

/** Whether `name` is `zone` or below it, label by label ("shop.example." is within "example." and "."). */
const isWithin = (name: string, zone: string): boolean =>
  zone === '.' || name === zone || name.endsWith(`.${zone}`);

/**
 * The query a response step answers: the latest earlier DNS query going the other way between the same two
 * nodes for the same record type (A and AAAA travel side by side).
 */
function queryOf(t: Timeline, response: StepWith<'dns'>): StepWith<'dns'> | undefined {
  return stepsWith(t, 'dns')
    .filter(
      (s) =>
        s.index < response.index &&
        s.from === response.to &&
        s.to === response.from &&
        s.message.dns.kind === 'query' &&
        s.message.dns.question.type === response.message.dns.question.type,
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
      if (step.to === 'stub' || (step.from === 'stub' && step.to === 'resolver'))
        expect(dns.rd, `${where}: RD`).toBe(true);
      if (step.from === 'stub') expect(dns.ra, `${where}: RA from the stub`).toBe(dns.kind === 'response');
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

  it('authority records come from a zone that contains the name asked about, or the end of its CNAME chain', () => {
    for (const step of steps) {
      const { question, authorities, answers } = step.message.dns;
      const name = answers.filter((r) => r.type === 'CNAME').at(-1)?.data ?? question.name;
      for (const record of authorities) {
        const where = `${id} step ${step.id}: ${record.type} ${record.name}`;
        expect(isWithin(name, record.name), `${where} is not an ancestor of ${name}`).toBe(true);
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
        .filter((s) => s.from === 'resolver' && NAME_SERVERS.has(s.to) && s.message.dns.question.type === 'A')
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
        const zoneLabels = { root: 0, tld: 1, auth: 2, 'cdn-dns': 2 }[
          step.to as 'root' | 'tld' | 'auth' | 'cdn-dns'
        ];
        expect(labels, `${step.id}: ${question.name}`).toBeLessThanOrEqual(zoneLabels + 1);
        expect(edns, `${step.id}: an OPT record with DO`).toEqual({ udp: 1232, do: true });
      }
    },
  );

  it('the root hears "example.", never "shop.example."', () => {
    const t = RESOLVING.find(([id]) => id === 'first-visit')?.[1];
    const root = t ? stepsWith(t, 'dns').find((s) => s.to === 'root') : undefined;
    expect(root?.message.dns.question.name).toBe('example.');
    expect(root?.message.text).toContain('; EDNS: version: 0, flags: do; udp: 1232');
  });

  it('name servers echo the OPT record and its DO bit (RFC 6891 §7, RFC 3225 §3)', () => {
    for (const [id, t] of RESOLVING) {
      for (const step of stepsWith(t, 'dns').filter((s) => NAME_SERVERS.has(s.from))) {
        expect(step.message.dns.edns, `${id} ${step.id}`).toEqual({ udp: 1232, do: true });
      }
    }
  });
});

describe('what Chrome asks and hears (issue 12 item 6)', () => {
  const firstVisit = RESOLVING.find(([id]) => id === 'first-visit')?.[1];
  const nx = RESOLVING.find(([id]) => id === 'nxdomain')?.[1];
  const between = (t: Timeline | undefined, from: string, to: string) =>
    t ? stepsWith(t, 'dns').filter((s) => s.from === from && s.to === to) : [];

  it('its own DNS client sends the stub two queries, A and AAAA, as packets: RD set, no OPT record', () => {
    const asked = between(firstVisit, 'browser', 'stub');
    expect(asked.map((s) => s.message.dns.question)).toEqual([
      { name: 'shop.example.', type: 'A' },
      { name: 'shop.example.', type: 'AAAA' },
    ]);
    for (const s of asked) expect([s.message.dns.rd, s.message.dns.edns]).toEqual([true, null]);
    expect(asked[0]?.narration).toMatch(/own DNS client, not the C library's getaddrinfo/);
    expect(asked[0]?.message.dns.id).not.toBe(asked[1]?.message.dns.id);
  });

  it('the AAAA answer is NODATA: NOERROR, no answer, the zone’s SOA in the authority section', () => {
    const nodata = stepsWith(firstVisit!, 'dns').filter(
      (s) => s.message.dns.question.type === 'AAAA' && s.message.dns.kind === 'response',
    );
    expect(nodata.map((s) => `${s.from}→${s.to}`)).toEqual([
      'auth→resolver',
      'resolver→stub',
      'stub→browser',
    ]);
    for (const s of nodata) {
      expect(s.message.dns.rcode).toBe('NOERROR');
      expect(s.message.dns.answers).toEqual([]);
      expect(s.message.dns.authorities.map((r) => `${r.name} ${r.type}`)).toEqual(['shop.example. SOA']);
    }
    expect(nodata[0]?.message.dns.aa).toBe(true);
    expect(nodata[0]?.message.text).toContain('status: NOERROR');
  });

  it('Chrome hears A and AAAA; for a name that does not exist, NXDOMAIN for both', () => {
    expect(between(firstVisit, 'stub', 'browser').map((s) => s.message.summary)).toEqual([
      'A 203.0.113.10',
      'AAAA: no data (SOA)',
    ]);
    expect(between(nx, 'stub', 'browser').map((s) => s.message.dns.rcode)).toEqual(['NXDOMAIN', 'NXDOMAIN']);
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
      expect(query?.edns).toEqual(lang === 'go' ? { udp: 1232, do: false } : null);
      expect(answer?.edns).toEqual(query?.edns);
    },
  );
});

describe('behind the CDN (issue 12 item 14)', () => {
  const timeline = (id: string) => RESOLVING.find(([name]) => name === id)?.[1];
  const line = (r: { name: string; type: string; data: string }) => `${r.name} ${r.type} ${r.data}`;
  const toBrowser = (t: Timeline | undefined) =>
    t ? stepsWith(t, 'dns').filter((s) => s.to === 'browser') : [];
  const edge = (t: Timeline | undefined) => t?.nodes.find((n) => n.id === 'cdn')?.address ?? '?';

  it.each(['cdn-hit', 'far-away-cdn'])(
    '%s: static.shop.example is an alias (CNAME) for the CDN’s name, whose address is the edge’s; AAAA follows it to the CDN zone’s NODATA',
    (id) => {
      const t = timeline(id);
      const [a, aaaa] = toBrowser(t).map((s) => s.message.dns);
      expect(a?.answers.map(line)).toEqual([
        'static.shop.example. CNAME shop.cdn-provider.example.',
        `shop.cdn-provider.example. A ${edge(t)}`,
      ]);
      expect(aaaa?.answers.map((r) => r.type)).toEqual(['CNAME']);
      expect(aaaa?.authorities.map((r) => `${r.name} ${r.type}`)).toEqual(['cdn-provider.example. SOA']);
    },
  );

  it('cdn-hit: the resolver’s cached chain came from the CDN’s name server by GeoDNS', () => {
    const t = timeline('cdn-hit');
    expect(stepsWith(t!, 'dns').find((s) => s.id === 'dns-answer-cached')?.narration).toMatch(/GeoDNS/);
  });

  it('far-away-cdn, cold: the shop’s server answers the CNAME, the .example server refers to the CDN’s name server, which answers A by GeoDNS and NODATA for AAAA', () => {
    const t = timeline('far-away-cdn')!;
    expect(t.nodes.find((n) => n.id === 'cdn-dns')?.role).toMatch(/^ns1\.cdn-provider\.example /);
    const walk = stepsWith(t, 'dns').filter(
      (s) => s.from !== 'stub' && s.to !== 'stub' && s.to !== 'browser',
    );
    const said = walk.map(
      (s) =>
        `${s.from}→${s.to} ${s.message.dns.question.type} ${s.message.dns.question.name}${
          s.message.dns.kind === 'response'
            ? ` ${s.message.dns.aa ? 'aa ' : ''}${[...s.message.dns.answers, ...s.message.dns.authorities].map((r) => `${r.type} ${r.data.split(' ')[0]}`).join(', ')}`
            : ''
        }`,
    );
    expect(said).toEqual([
      'resolver→root A example.',
      'root→resolver A example. NS a.nic.example.',
      'resolver→tld A shop.example.',
      'tld→resolver A shop.example. NS ns1.shop.example.',
      'resolver→auth A static.shop.example.',
      'resolver→auth AAAA static.shop.example.',
      'auth→resolver A static.shop.example. aa CNAME shop.cdn-provider.example.',
      'auth→resolver AAAA static.shop.example. aa CNAME shop.cdn-provider.example.',
      // the alias's target, walked from the closest zone the resolver knows, minimised again
      'resolver→tld A cdn-provider.example.',
      'tld→resolver A cdn-provider.example. NS ns1.cdn-provider.example.',
      'resolver→cdn-dns A shop.cdn-provider.example.',
      'resolver→cdn-dns AAAA shop.cdn-provider.example.',
      `cdn-dns→resolver A shop.cdn-provider.example. aa A ${edge(t)}`,
      'cdn-dns→resolver AAAA shop.cdn-provider.example. aa SOA ns1.cdn-provider.example.',
    ]);
    expect(walk.find((s) => s.id === 'dns-cdn-answer')?.narration).toMatch(/GeoDNS/);
  });

  it('no zone’s apex is an alias: a CNAME cannot sit beside the SOA and NS records (RFC 1034 §3.6.2, RFC 2181 §10.1)', () => {
    const apexes = new Set(['shop.example.', 'example.', 'cdn-provider.example.']);
    for (const [id, t] of RESOLVING)
      for (const s of stepsWith(t, 'dns'))
        for (const r of s.message.dns.answers.filter((a) => a.type === 'CNAME'))
          expect(apexes.has(r.name), `${id} step ${s.id}: ${r.name} CNAME`).toBe(false);
  });
});
