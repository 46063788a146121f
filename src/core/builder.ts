/**
 * The builder's door into the core (issue 14): what plays, writes and reads built scenarios. Apart from
 * src/core/index.ts so that none of it is in the first load: the page loads it (a dynamic import) when a
 * link carries build= or when Customize is first pressed.
 */
export * from './build/index.ts';
