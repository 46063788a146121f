import { nginxGzip } from '../engine/nginxGzip.ts';

/** nginx's gzip filter (`scenario.gzip`): the answer compressed, with the sizes a real nginx sends. */
export const gzip = { nginxGzip };
