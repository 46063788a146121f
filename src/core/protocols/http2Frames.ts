import type { Http2Frame, Http2Message, Message } from '../model/messages.ts';
import type { HpackBlock, HpackField } from './hpack.ts';

/** RFC 9113 §6.5.2's names of the settings. */
const SETTING_NAMES: Readonly<Record<number, string>> = {
  1: 'HEADER_TABLE_SIZE',
  2: 'ENABLE_PUSH',
  3: 'MAX_CONCURRENT_STREAMS',
  4: 'INITIAL_WINDOW_SIZE',
  5: 'MAX_FRAME_SIZE',
  6: 'MAX_HEADER_LIST_SIZE',
};

/** The client's connection preface (RFC 9113 §3.4), as a trace quotes it. */
export const PREFACE = 'PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n';

const hex = (value: number, bytes: number): string => value.toString(16).padStart(bytes * 2, '0');
const textHex = (text: string): string =>
  [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A SETTINGS frame with its parameters in order (ids from RFC 9113), or the empty ACK. */
export function settingsFrame(settings: readonly (readonly [id: number, value: number])[]): Http2Frame {
  return {
    type: 'SETTINGS',
    stream: 0,
    flags: [],
    payload: settings.map(([id, value]) => hex(id, 2) + hex(value, 4)).join(''),
    lines: settings.map(([id, value]) => `SETTINGS_${SETTING_NAMES[id] ?? id} (0x${id}): ${value}`),
  };
}

export const settingsAck: Http2Frame = {
  type: 'SETTINGS',
  stream: 0,
  flags: ['ACK'],
  payload: '',
  lines: [],
};

/** A WINDOW_UPDATE: `increment` more bytes the sender may receive on the stream (0: the connection). */
export const windowUpdate = (stream: number, increment: number): Http2Frame => ({
  type: 'WINDOW_UPDATE',
  stream,
  flags: [],
  payload: hex(increment, 4),
  lines: [`window_size_increment: ${increment}`],
});

/** How a trace explains one field's representation. */
function fieldLine(f: HpackField): string {
  const where = (i: number | null) => (i === null ? 'new name' : i > 61 ? `dynamic ${i}` : `static ${i}`);
  const how =
    f.kind === 'indexed'
      ? `indexed (${where(f.index)})`
      : `${f.kind}, ${f.index === null ? 'new name' : `name ${where(f.index)}`}, value ${f.huffman ? 'Huffman' : 'raw'}${f.added === null ? '' : ' → dynamic 62'}`;
  return `${f.name}: ${f.value}    ; ${f.bytes} B, ${how}`;
}

/** A HEADERS frame carrying one header block, with Chrome's priority fields when given. */
export function headersFrame(
  stream: number,
  block: HpackBlock,
  endStream: boolean,
  priority?: { readonly dependsOn: number; readonly weight: number },
): Http2Frame {
  return {
    type: 'HEADERS',
    stream,
    flags: [...(endStream ? ['END_STREAM'] : []), 'END_HEADERS', ...(priority ? ['PRIORITY'] : [])],
    payload:
      (priority ? hex(0x80000000 + priority.dependsOn, 4) + hex(priority.weight - 1, 1) : '') + block.hex,
    lines: [
      ...(priority ? [`(dep_stream_id=${priority.dependsOn}, weight=${priority.weight}, exclusive=1)`] : []),
      ...block.fields.map(fieldLine),
      `; HPACK: ${block.bytes} bytes for ${block.plainBytes} bytes of the same fields as HTTP/1.1 text`,
    ],
  };
}

/** A DATA frame with the body (its last, so END_STREAM). */
export const dataFrame = (stream: number, body: string): Http2Frame => ({
  type: 'DATA',
  stream,
  flags: ['END_STREAM'],
  payload: textHex(body),
  lines: body === '' ? [] : [body.length > 60 ? `${body.slice(0, 57)}…` : body],
});

const FLAG_BITS: Readonly<Record<string, number>> = { END_STREAM: 1, ACK: 1, END_HEADERS: 4, PRIORITY: 0x20 };
const TYPE_CODES: Readonly<Record<Http2Frame['type'], number>> = {
  DATA: 0,
  HEADERS: 1,
  SETTINGS: 4,
  WINDOW_UPDATE: 8,
};

export const frameLength = (f: Http2Frame): number => f.payload.length / 2;
const flagBits = (f: Http2Frame): number => f.flags.reduce((sum, flag) => sum + (FLAG_BITS[flag] ?? 0), 0);

/** The frame on the wire, as hex: 9 bytes of header (length, type, flags, stream) and the payload. */
export const frameHex = (f: Http2Frame): string =>
  hex(frameLength(f), 3) + hex(TYPE_CODES[f.type], 1) + hex(flagBits(f), 1) + hex(f.stream, 4) + f.payload;

/** One frame as nghttp -v prints it: type, length, flags and stream, then what it carries. */
const formatFrame = (f: Http2Frame): string =>
  [
    `${f.type} frame <length=${frameLength(f)}, flags=0x${flagBits(f).toString(16).padStart(2, '0')}, stream_id=${f.stream}>`,
    ...(f.flags.length ? [`          ; ${f.flags.join(' | ')}`] : []),
    ...f.lines.map((l) => `          ${l}`),
  ].join('\n');

/** A step's message: what one side sends, frame by frame. */
export function http2Message(summary: string, frames: readonly Http2Frame[], preface = false): Message {
  const http2: Http2Message = { preface, frames };
  return {
    protocol: 'http2',
    summary,
    text: [...(preface ? [`Connection preface: ${PREFACE}`] : []), ...frames.map(formatFrame)].join('\n'),
    http2,
  };
}
