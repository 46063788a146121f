import { handlerCrash } from '../app/handlerCrash.ts';
import { upstreamClosed } from '../engine/upstreamClosed.ts';
import { upstreamRefused } from '../engine/upstreamRefused.ts';

/**
 * A scenario whose app server fails: its process down (`faults.appDown`: the proxy's connect is refused, its
 * 502) or its handler throwing (`faults.handlerBug`: the framework's 500, or Go closing the connection).
 */
export const appFaults = { upstreamRefused, handlerCrash, upstreamClosed };
