import type { Header, HttpResponse } from '../model/messages.ts';
import type { HpackBlock, HpackField } from './hpack.ts';
import { integer, literal, plainBytes, toHex } from './hpack.ts';

/** The statuses the static table holds whole (RFC 7541 Appendix A): nginx sends these indexed. */
const STATUS_INDEX: Readonly<Record<number, number>> = {
  200: 8,
  204: 9,
  206: 10,
  304: 11,
  400: 12,
  404: 13,
  500: 14,
};

/** Headers nginx writes itself, first, with their static-table name index (ngx_http_v2_filter_module.c). */
const OWN: Readonly<Record<string, number>> = {
  server: 54,
  date: 33,
  'content-type': 31,
  'content-length': 28,
  'last-modified': 44,
  location: 46,
};

/** Hop-by-hop headers HTTP/2 forbids (RFC 9113 §8.2.2): nginx does not send them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** The response's fields as nginx's HTTP/2 module sends them: `:status` first, lower-case names, no hop-by-hop. */
export function nginxH2Fields(response: HttpResponse): Header[] {
  const lower = response.headers
    .map(([n, v]): Header => [n.toLowerCase(), v])
    .filter(([n]) => !HOP_BY_HOP.has(n));
  // nginx writes its own Server (server_tokens off: "nginx") when the response has none: a static file's.
  const server: Header[] = lower.some(([n]) => n === 'server') ? [] : [['server', 'nginx']];
  const own = Object.keys(OWN).flatMap((name) =>
    name === 'server' && server.length ? server : lower.filter(([n]) => n === name),
  );
  return [[':status', String(response.status)], ...own, ...lower.filter(([n]) => OWN[n] === undefined)];
}

/**
 * nginx 1.22's HPACK encoding of a response (ngx_http_v2_header_filter): a status the static table holds
 * is indexed, another is a literal with incremental indexing and a raw value; its own headers are literals
 * with incremental indexing by static name (Content-Length's value raw, the rest Huffman-coded when
 * shorter); every other header is a literal without indexing with a new name, even when the static table
 * has the name. nginx never refers back to its dynamic table entries.
 */
export function nginxHpack(response: HttpResponse): HpackBlock {
  const headers = nginxH2Fields(response);
  const fields: HpackField[] = [];
  const bytes: number[] = [];
  for (const [name, value] of headers) {
    const push = (out: number[], field: Omit<HpackField, 'name' | 'value' | 'bytes'>) => {
      bytes.push(...out);
      fields.push({ name, value, bytes: out.length, ...field });
    };
    const raw = [...new TextEncoder().encode(value)];
    if (name === ':status') {
      const index = STATUS_INDEX[response.status];
      if (index !== undefined)
        push(integer(index, 7, 0x80), { kind: 'indexed', index, huffman: false, added: null });
      else
        push([...integer(8, 6, 0x40), ...integer(raw.length, 7, 0), ...raw], {
          kind: 'literal, incremental indexing',
          index: 8,
          huffman: false,
          added: 62,
        });
      continue;
    }
    const own = OWN[name];
    if (own !== undefined) {
      const coded =
        name === 'content-length'
          ? { bytes: [...integer(raw.length, 7, 0), ...raw], huffman: false }
          : literal(value);
      push([...integer(own, 6, 0x40), ...coded.bytes], {
        kind: 'literal, incremental indexing',
        index: own,
        huffman: coded.huffman,
        added: 62,
      });
      continue;
    }
    const coded = literal(value);
    push([0, ...literal(name).bytes, ...coded.bytes], {
      kind: 'literal, without indexing',
      index: null,
      huffman: coded.huffman,
      added: null,
    });
  }
  return { fields, hex: toHex(bytes), bytes: bytes.length, plainBytes: plainBytes(headers) };
}
