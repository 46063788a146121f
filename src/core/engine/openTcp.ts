import { segment, tcpMessage, tsClock } from '../protocols/tcpSegment.ts';
import { ADDRESS, COST_MS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';

/**
 * The three-way handshake from the browser to the edge. The ACK is sent and the next flight follows at once.
 * With `faults.packetLoss` the first SYN is dropped on the way and sent again, unchanged, when the
 * retransmission timer fires: Linux's initial RTO is 1 s (TCP_TIMEOUT_INIT, RFC 6298 §2.1).
 */
export function openTcp(ctx: EngineContext, address: string): void {
  const { b, rng, url } = ctx;
  const edge = ctx.edge;
  const client = [ADDRESS.browser, rng.int(49152, 65535)] as const;
  const server = [address, url.port] as const;
  const isn = rng.int(0, 2 ** 32 - 1);
  const serverIsn = rng.int(0, 2 ** 32 - 1);
  const inc = (n: number): number => (n + 1) % 2 ** 32;

  const syn = tcpMessage(segment(client, server, ['SYN'], isn, null));
  if (ctx.scenario.faults.packetLoss) {
    const sentAt = b.now();
    b.hop('browser', edge, 'request', {
      id: 'tcp-syn-lost',
      phase: 'connect',
      title: 'SYN (lost on the way)',
      narration: `A congested router on the way drops the browser's SYN to ${address}. Nobody tells the browser: a lost packet is silence.`,
      message: syn,
      changes: [{ node: 'browser', key: 'connection', value: `SYN-SENT to ${address}:${url.port}` }],
    });
    b.wait(sentAt + COST_MS.tcpRetransmit - b.now());
    b.local('browser', 0.01, {
      id: 'tcp-rto',
      phase: 'connect',
      title: `Retransmission timeout: ${COST_MS.tcpRetransmit / 1000} s`,
      narration: `No SYN-ACK after ${COST_MS.tcpRetransmit / 1000} s: the retransmission timer fires. Fast retransmit needs three duplicate ACKs, sent for segments that arrive after a gap; nothing follows a SYN, so only the timer can notice. The next wait doubles.`,
      why: 'Performance: one lost packet on the handshake costs a whole second.',
      message: internal(
        'RTO fired',
        `tcp retransmit timer: ${COST_MS.tcpRetransmit} ms, SYN unanswered; next RTO ${2 * COST_MS.tcpRetransmit} ms`,
      ),
    });
  }
  const synAt = b.now();
  b.hop('browser', edge, 'request', {
    id: 'tcp-syn',
    phase: 'connect',
    title: ctx.scenario.faults.packetLoss ? 'SYN again (retransmission)' : 'SYN',
    narration: ctx.scenario.faults.packetLoss
      ? `The browser sends the same SYN again, byte for byte: the same port and the same initial sequence number ${isn}. This one gets through.`
      : `The browser opens a TCP connection to ${address} port ${url.port}: a SYN segment carrying its random initial sequence number ${isn}.`,
    why: 'Security: random initial sequence numbers stop an attacker from guessing them and injecting data.',
    message: syn,
    changes: [{ node: 'browser', key: 'connection', value: `SYN-SENT to ${address}:${url.port}` }],
  });
  b.hop(edge, 'browser', 'response', {
    id: 'tcp-syn-ack',
    phase: 'connect',
    title: 'SYN-ACK',
    narration: `The server agrees: SYN-ACK acknowledges ${inc(isn)} (the browser's number plus one) and sends its own sequence number ${serverIsn}.`,
    message: tcpMessage(
      segment(server, client, ['SYN', 'ACK'], serverIsn, inc(isn), 65160, {
        val: tsClock(serverIsn),
        ecr: tsClock(isn),
      }),
    ),
    changes: [{ node: edge, key: 'connections', value: `SYN-RECEIVED from ${ADDRESS.browser}:${client[1]}` }],
  });
  const start = b.now();
  b.hop('browser', edge, 'request', {
    id: 'tcp-ack',
    phase: 'connect',
    title: 'ACK',
    narration: `The browser acknowledges ${inc(serverIsn)}. For the browser the connection is now ESTABLISHED, so it sends its next message right behind this ACK without waiting.`,
    why: 'Performance: the handshake costs one full round trip before any data can flow.',
    // Its TS val is the browser's clock a round trip after the SYN's, in whole milliseconds.
    message: tcpMessage(
      segment(client, server, ['ACK'], inc(isn), inc(serverIsn), 502, {
        val: (tsClock(isn) + Math.floor(b.now() - synAt)) >>> 0,
        ecr: tsClock(serverIsn),
      }),
    ),
    changes: [
      {
        node: 'browser',
        key: 'connection',
        value: `ESTABLISHED ${ADDRESS.browser}:${client[1]} → ${address}:${url.port}`,
      },
      { node: edge, key: 'connections', value: `ESTABLISHED with ${ADDRESS.browser}:${client[1]}` },
    ],
  });
  b.rewind(start);
}
