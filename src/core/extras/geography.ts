import { distanceSentence, placeLatencies } from '../parts/geography.ts';

/** Where the user is (`topology.user`): the latency of every link that crosses the distance, and why. */
export const geography = { placeLatencies, distanceSentence };
