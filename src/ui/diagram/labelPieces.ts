/**
 * Where a packet's label may break inside a word: after a URL's separators (/ ? & =) and a name's
 * underscore ("/api/␣products/␣42", "certificate_␣unknown"), after a host name's dot before a letter
 * ("shop.␣example", never "203.0.␣113.10"); words themselves break only at their spaces.
 */
const BREAK = /(?<=[/?&=_])(?=.)|(?<=[A-Za-z0-9-]\.)(?=[A-Za-z])/;

/** A label's words, each as the pieces a line may end after (PacketLabel.tsx draws them, drawPacket.ts too). */
export const labelPieces = (text: string): string[][] => text.split(' ').map((word) => word.split(BREAK));
