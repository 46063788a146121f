import type { HttpResponse } from '../model/messages.ts';
import { byteLength } from './byteLength.ts';
import { chunkedGzipBytes } from './chunkedGzip.ts';
import { serializeHttp } from './serializeHttp.ts';

/** How many bytes a response takes on the wire: its head and its body, a compressed body as its chunks. */
export function wireBytes(response: HttpResponse): number {
  if (!response.coding) return byteLength(serializeHttp(response));
  const text = serializeHttp(response);
  return byteLength(text.slice(0, text.indexOf('\r\n\r\n') + 4)) + chunkedGzipBytes(response.coding.chunks);
}
