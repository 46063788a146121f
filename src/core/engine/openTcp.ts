import { segment, tcpMessage } from '../protocols/tcpSegment.ts';
import { ADDRESS } from '../world/world.ts';
import type { EngineContext } from '../journey/EngineContext.ts';

/** The three-way handshake from the browser to the edge. The ACK is sent and the next flight follows at once. */
export function openTcp(ctx: EngineContext, address: string): void {
  const { b, rng, url } = ctx;
  const edge = ctx.edge;
  const client = [ADDRESS.browser, rng.int(49152, 65535)] as const;
  const server = [address, url.port] as const;
  const isn = rng.int(0, 2 ** 32 - 1);
  const serverIsn = rng.int(0, 2 ** 32 - 1);
  const inc = (n: number): number => (n + 1) % 2 ** 32;

  b.hop('browser', edge, 'request', {
    id: 'tcp-syn',
    phase: 'connect',
    title: 'SYN',
    narration: `The browser opens a TCP connection to ${address} port ${url.port}: a SYN segment carrying its random initial sequence number ${isn}.`,
    why: 'Security: random initial sequence numbers stop an attacker from guessing them and injecting data.',
    message: tcpMessage(segment(client, server, ['SYN'], isn, null)),
    changes: [{ node: 'browser', key: 'connection', value: `SYN-SENT to ${address}:${url.port}` }],
  });
  b.hop(edge, 'browser', 'response', {
    id: 'tcp-syn-ack',
    phase: 'connect',
    title: 'SYN-ACK',
    narration: `The server agrees: SYN-ACK acknowledges ${inc(isn)} (the browser's number plus one) and sends its own sequence number ${serverIsn}.`,
    message: tcpMessage(segment(server, client, ['SYN', 'ACK'], serverIsn, inc(isn), 65160)),
    changes: [{ node: edge, key: 'connections', value: `SYN-RECEIVED from ${ADDRESS.browser}:${client[1]}` }],
  });
  const start = b.now();
  b.hop('browser', edge, 'request', {
    id: 'tcp-ack',
    phase: 'connect',
    title: 'ACK',
    narration: `The browser acknowledges ${inc(serverIsn)}. For the browser the connection is now ESTABLISHED, so it sends its next message right behind this ACK without waiting.`,
    why: 'Performance: the handshake costs one full round trip before any data can flow.',
    message: tcpMessage(segment(client, server, ['ACK'], inc(isn), inc(serverIsn), 502)),
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
