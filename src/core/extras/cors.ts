import { corsPreflight } from '../engine/corsPreflight.ts';

/** A request from a page on another origin (`request.pageOrigin`): the preflight OPTIONS when it needs one. */
export const cors = { corsPreflight };
