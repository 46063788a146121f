import type { Scenario } from '../model/scenario.ts';
import { baseScenario } from './baseScenario.ts';

export const slowQuery: Scenario = {
  ...baseScenario,
  id: 'slow-query',
  title: 'Slow query (full scan)',
  teaches:
    'Without an index the database reads all 2,000,000 products to find one: hundreds of milliseconds.',
  seed: 49,
  request: { ...baseScenario.request, url: 'https://shop.example/api/products?sku=SKU-0004217' },
  start: { ...baseScenario.start, browserDns: true, resolverCache: 'answer', connection: 'open' },
  skuIndex: false,
};
