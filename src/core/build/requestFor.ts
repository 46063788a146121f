import type { RequestSpec } from '../model/scenario.ts';
import { baseScenario, REVIEW_URL } from '../scenarios/baseScenario.ts';
import { VALID_TOKEN } from '../world/world.ts';
import { CDN_STYLESHEET } from '../scenarios/cdnHit.ts';
import type { BuildRequest } from './BuildSpec.ts';

/**
 * The request a build asks for, as the built-in scenarios write it (not-found's typo, unauthorized's missing
 * token, invalid-input's rating 9; through a CDN over HTTPS, cdn-hit's stylesheet from static.shop.example, the
 * CDN's alias, on a page from shop.example).
 */
export function requestFor(kind: BuildRequest, https: boolean, host: string, cdn = false): RequestSpec {
  const origin = `${https ? 'https' : 'http'}://${host}`;
  switch (kind) {
    case 'product':
      return { ...baseScenario.request, url: `${origin}/api/products/42` };
    case 'search':
      return { ...baseScenario.request, url: `${origin}/api/products?sku=SKU-0004217` };
    case 'stylesheet':
      return cdn && https && host === 'shop.example'
        ? { ...baseScenario.request, url: CDN_STYLESHEET, pageOrigin: origin }
        : { ...baseScenario.request, url: `${origin}/static/app.css` };
    case 'typo':
      return { ...baseScenario.request, url: `${origin}/api/prodcuts/42` };
    case 'review':
    case 'noauth':
    case 'invalid':
      return {
        method: 'POST',
        url: REVIEW_URL.replace('https://shop.example', origin),
        headers: [
          ...(kind === 'noauth' ? [] : [['Authorization', `Bearer ${VALID_TOKEN}`] as const]),
          ['Content-Type', 'application/json'],
        ],
        body:
          kind === 'invalid'
            ? '{"rating":9,"body":"Best lamp ever!!!"}'
            : '{"rating":5,"body":"Bright and steady light."}',
      };
  }
}
