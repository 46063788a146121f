import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const expiredCertificate: Scenario = {
  ...baseScenario,
  id: 'expired-certificate',
  title: 'Expired certificate',
  teaches:
    'The browser checks the certificate dates during the TLS handshake and refuses to send anything: the page’s fetch() rejects with a bare TypeError, where a typed-in address gets Chrome’s warning page.',
  seed: 53,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer' },
  faults: { ...baseScenario.faults, certificateExpired: true },
};
