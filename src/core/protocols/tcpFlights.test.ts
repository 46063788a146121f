import { describe, expect, it } from 'vitest';
import { INITIAL_CWND, MSS, tcpFlights } from './tcpFlights.ts';

describe('tcpFlights', () => {
  it('a response that fits the initial window goes in one flight', () => {
    expect(tcpFlights(500, false)).toEqual({ wire: 500, segments: 1, flights: 1 });
    expect(tcpFlights(INITIAL_CWND * MSS, false)).toEqual({ wire: 14_600, segments: 10, flights: 1 });
  });

  it('one byte more needs an eleventh segment, which waits for the first ACKs: a second flight', () => {
    expect(tcpFlights(INITIAL_CWND * MSS + 1, false)).toMatchObject({ segments: 11, flights: 2 });
  });

  it('the window doubles each round trip: 10, 20, 40 segments', () => {
    expect(tcpFlights(30 * MSS, false).flights).toBe(2);
    expect(tcpFlights(30 * MSS + 1, false).flights).toBe(3);
    expect(tcpFlights(70 * MSS + 1, false).flights).toBe(4);
  });

  it('TLS adds 22 bytes per record of up to 16 KB', () => {
    expect(tcpFlights(16_384, true).wire).toBe(16_406);
    expect(tcpFlights(16_385, true).wire).toBe(16_429);
  });
});
