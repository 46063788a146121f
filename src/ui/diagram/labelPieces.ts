/**
 * Where a packet's label may break inside a word: after a URL's separators (/ ? & =) and a name's
 * underscore ("/api/␣products/␣42", "certificate_␣unknown"), after a dot in a host name or an
 * address ("shop.␣example", "203.0.␣113.80", where a projector's packet is narrower than the
 * address), and between the words of a TLS message's name ("Certificate␣Verify": RFC 8446 titles
 * it "Certificate Verify"); words themselves break only at their spaces.
 */
const BREAK = /(?<=[/?&=_])(?=.)|(?<=[A-Za-z0-9-]\.)(?=[A-Za-z0-9])|(?<=[a-z])(?=[A-Z])/;

/** A label's words, each as the pieces a line may end after (PacketLabel.tsx draws them, drawPacket.ts too). */
export const labelPieces = (text: string): string[][] => text.split(' ').map((word) => word.split(BREAK));
