import type { Phase } from '../core/index.ts';

/** Label, short label (for a narrow band) and colours of each waterfall phase; text keeps 4.5:1 on the fill (7:1 in the projector theme). */
export const PHASE_INFO: Readonly<
  Record<Phase, { label: string; short: string; fill: string; ink: string }>
> = {
  dns: { label: 'DNS', short: 'DNS', fill: 'var(--phase-dns)', ink: '#000000' },
  connect: { label: 'Connect', short: 'TCP', fill: 'var(--phase-connect)', ink: '#000000' },
  tls: { label: 'TLS', short: 'TLS', fill: 'var(--phase-tls)', ink: '#000000' },
  request: {
    label: 'Request',
    short: 'Req',
    fill: 'var(--phase-request)',
    ink: 'var(--phase-request-ink)',
  },
  server: { label: 'Server', short: 'Srv', fill: 'var(--phase-server)', ink: '#000000' },
  database: { label: 'Database', short: 'DB', fill: 'var(--phase-database)', ink: '#000000' },
  response: { label: 'Response', short: 'Resp', fill: 'var(--phase-response)', ink: '#000000' },
};
