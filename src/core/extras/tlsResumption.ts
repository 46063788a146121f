import { resumedTicket, tlsResume } from '../engine/tlsResume.ts';

/** A scenario with `start.tlsTickets`: the abbreviated handshake, and the fresh ticket after the request. */
export const tlsResumption = { tlsResume, resumedTicket };
