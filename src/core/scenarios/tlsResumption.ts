import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const tlsResumption: Scenario = {
  ...baseScenario,
  id: 'tls-resumption',
  title: 'TLS resumption',
  teaches:
    'Back two minutes after a first visit, the browser resumes TLS with a session ticket nginx sent after the first handshake: a pre-shared key, no certificate, nothing to verify, and a fresh ticket for next time.',
  seed: 82,
  start: {
    ...baseScenario.start,
    browserDns: true,
    resolverCache: 'answer',
    connection: 'none',
    tlsTickets: 2,
  },
};
