/** The largest TCP payload in one segment: the MSS both ends announce in their SYNs (formatTcp's options). */
export const MSS = 1460;

/** The segments a Linux server sends before its first ACK comes back (initcwnd, RFC 6928). */
export const INITIAL_CWND = 10;

/** What TLS 1.3 adds to each record: a 5-byte header, the content type and a 16-byte AEAD tag. */
const TLS_RECORD_OVERHEAD = 22;

/** The most plaintext one TLS record carries (nginx's ssl_buffer_size fills records up to it: 16k). */
const TLS_RECORD = 16_384;

/** How `bytes` of HTTP travel from a server whose connection starts at the initial window. */
export interface Flights {
  /** Bytes on the wire, TLS records included. */
  readonly wire: number;
  readonly segments: number;
  /** Round trips of slow start: the window doubles each time a flight's ACKs return (10, 20, 40 segments). */
  readonly flights: number;
}

/**
 * How many segments and slow-start flights a response of `bytes` takes from a sender at the initial window:
 * a new connection, or one idle for longer than its retransmission timeout, which Linux sends from the initial
 * window again (tcp_slow_start_after_idle, RFC 7661). Each flight after the first waits a round trip.
 */
export function tcpFlights(bytes: number, tls: boolean): Flights {
  const wire = tls ? bytes + Math.ceil(bytes / TLS_RECORD) * TLS_RECORD_OVERHEAD : bytes;
  const segments = Math.max(1, Math.ceil(wire / MSS));
  let flights = 0;
  for (let sent = 0, cwnd = INITIAL_CWND; sent < segments; cwnd *= 2, flights++) sent += cwnd;
  return { wire, segments, flights };
}
