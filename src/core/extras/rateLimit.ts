import { rateLimited } from '../engine/rateLimited.ts';

/** nginx's request limit (`rateLimit`): its 429 when this client's bucket is over the burst. */
export const rateLimit = { rateLimited };
