/** A GIF's logical size, whether it loops (NETSCAPE2.0), and each frame's delay in ms, read block by block. */
export function readGif(bytes: Uint8Array): {
  version: string;
  width: number;
  height: number;
  loops: boolean;
  delays: number[];
} {
  const version = String.fromCharCode(...bytes.subarray(0, 6));
  const u16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const width = u16(6);
  const height = u16(8);
  const flags = bytes[10] ?? 0;
  let at = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  const skipSubBlocks = () => {
    while ((bytes[at] ?? 0) !== 0) at += (bytes[at] ?? 0) + 1;
    at++;
  };
  let loops = false;
  let delay = 0;
  const delays: number[] = [];
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = bytes[at + 1];
      if (label === 0xf9) delay = u16(at + 4) * 10;
      if (label === 0xff && String.fromCharCode(...bytes.subarray(at + 3, at + 14)) === 'NETSCAPE2.0')
        loops = true;
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      const local = bytes[at + 9] ?? 0;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1;
      skipSubBlocks();
      delays.push(delay);
    } else throw new Error(`Unexpected GIF block ${block} at ${at}`);
  }
  return { version, width, height, loops, delays };
}
