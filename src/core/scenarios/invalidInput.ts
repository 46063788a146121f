import type { Scenario } from '../model/scenario.ts';
import { VALID_TOKEN } from '../world/world.ts';
import { REVIEW_URL, baseScenario } from './baseScenario.ts';

export const invalidInput: Scenario = {
  ...baseScenario,
  id: 'invalid-input',
  // No status in the title: most frameworks answer 422, Spring Boot's default is 400 (each stack narrates its own).
  title: 'Invalid input',
  teaches: 'Validation rejects a rating of 9 before any SQL runs, and says which field is wrong.',
  seed: 47,
  request: {
    method: 'POST',
    url: REVIEW_URL,
    headers: [
      ['Authorization', `Bearer ${VALID_TOKEN}`],
      ['Content-Type', 'application/json'],
    ],
    body: '{"rating":9,"body":"Best lamp ever!!!"}',
  },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
};
