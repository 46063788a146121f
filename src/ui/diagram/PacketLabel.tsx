import { Fragment } from 'react';

/**
 * Where a packet's label may break inside a word: after a URL's separators (/ ? & =) and a name's
 * underscore ("/api/␣products/␣42", "certificate_␣unknown"), after a host name's dot before a letter
 * ("shop.␣example", never "203.0.␣113.10"); words themselves break only at their spaces.
 */
const BREAK = /(?<=[/?&=_])(?=.)|(?<=[A-Za-z0-9-]\.)(?=[A-Za-z])/;

/**
 * A packet's label: every piece between break points kept whole on its line, and a piece wider than
 * the packet (a long word in a phone's narrow column gap) elided with "…" rather than broken inside;
 * the packet's title holds the whole label (Packet.tsx), the details panel the whole message.
 */
export function PacketLabel({ text }: { text: string }) {
  const words = text.split(' ');
  return (
    <span className="rt-packet-label">
      {words.map((word, w) => (
        <Fragment key={w}>
          {word.split(BREAK).map((piece, p) => (
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
