import { Fragment } from 'react';
import { labelPieces } from './labelPieces.ts';

/**
 * A packet's label: every piece between break points (labelPieces) kept whole on its line, and a
 * piece wider than the packet (a long word in a phone's narrow column gap) elided with "…" rather
 * than broken inside; the packet's title holds the whole label (Packet.tsx), the details panel the
 * whole message.
 */
export function PacketLabel({ text }: { text: string }) {
  const words = labelPieces(text);
  return (
    <span className="rt-packet-label">
      {words.map((pieces, w) => (
        <Fragment key={w}>
          {pieces.map((piece, p) => (
            <Fragment key={p}>
              {p > 0 && <wbr />}
              <span className="rt-packet-piece">{piece}</span>
            </Fragment>
          ))}
          {w < words.length - 1 && ' '}
        </Fragment>
      ))}
    </span>
  );
}
