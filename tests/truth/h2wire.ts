// HTTP/2 on the wire for the truth tests (http2.test.ts, cdnHttp2.test.ts): the client's preface, frames as
// bytes and back, Node's raw header lists as pairs, and the recording relay a live Chromium talks h2 through.
import net from 'node:net';
import tls from 'node:tls';
import type { Header, Http2Frame } from '../../src/core/index.ts';
import { frameHex } from '../../src/core/protocols/http2Frames.ts';

export const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
export const bytesOf = (frames: readonly Http2Frame[]): Buffer =>
  Buffer.from(frames.map(frameHex).join(''), 'hex');

export interface RawFrame {
  readonly type: number;
  readonly flags: number;
  readonly stream: number;
  readonly payload: Buffer;
}

/** Reads frames out of a byte stream as they complete (after the client's preface, when `preface`). */
export function frameReader(preface: boolean, onFrame: (f: RawFrame) => void): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  let skip = preface ? PREFACE.length : 0;
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    if (skip > 0) {
      const cut = Math.min(skip, pending.length);
      pending = pending.subarray(cut);
      skip -= cut;
    }
    while (pending.length >= 9 && pending.length >= 9 + pending.readUIntBE(0, 3)) {
      const length = pending.readUIntBE(0, 3);
      onFrame({
        type: pending[3]!,
        flags: pending[4]!,
        stream: pending.readUInt32BE(5) & 0x7fffffff,
        payload: Buffer.from(pending.subarray(9, 9 + length)),
      });
      pending = pending.subarray(9 + length);
    }
  };
}

export const pairs = (raw: readonly string[]): Header[] =>
  raw.flatMap((v, i) => (i % 2 === 0 ? [[v, raw[i + 1] ?? ''] as const] : []));

/**
 * The recording relay: TLS with ALPN h2 towards Chromium on a free loopback port, the same bytes in clear to the
 * h2c backend on `backendPort`; every frame the browser sends after its preface goes to `sent`.
 */
export async function recordingRelay(
  key: Buffer,
  cert: Buffer,
  backendPort: number,
  sent: RawFrame[],
): Promise<{ readonly port: number; readonly close: () => void }> {
  const relay = tls.createServer({ key, cert, ALPNProtocols: ['h2'] }, (socket) => {
    const upstream = net.connect(backendPort, '127.0.0.1');
    const record = frameReader(true, (f) => sent.push(f));
    socket.on('data', (d: Buffer) => (record(d), upstream.write(d)));
    upstream.on('data', (d: Buffer) => socket.write(d));
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return { port: (relay.address() as net.AddressInfo).port, close: () => relay.close() };
}
