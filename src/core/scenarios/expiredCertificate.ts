import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const expiredCertificate: Scenario = {
  ...baseScenario,
  id: 'expired-certificate',
  title: 'Expired certificate',
  teaches: 'The browser checks the certificate dates during the TLS handshake and refuses to send anything.',
  seed: 53,
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer' },
  faults: { ...baseScenario.faults, certificateExpired: true },
};
