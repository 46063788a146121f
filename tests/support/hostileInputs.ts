import fc from 'fast-check';

/**
 * Generated hostile inputs for the two doors into the app that anyone can knock on: the location hash
 * (`url/parseHash.ts`) and postMessage payloads (`api/parseCommand.ts`). The property tests throw
 * thousands of these in `npm test`; `npm run bench:fuzz` throws a million of the same (bench/fuzz.ts).
 */

/** Any string as a location hash, up to 5,000 characters (parseHash reads at most 4,096). */
export const hostileHash = (): fc.Arbitrary<string> => fc.string({ maxLength: 5000 });

/** Any value a postMessage can carry: objects with a null prototype and `toString` tricks included. */
export const hostileMessage = (): fc.Arbitrary<unknown> =>
  fc.anything({ withNullPrototype: true, withObjectString: true });
