import { sha1 } from '../../protocols/sha1.ts';
import { sha256 } from '../../protocols/sha256.ts';

/** HMAC (RFC 2104) over SHA-256 or SHA-1, both with 64-byte blocks. */
export function hmac(hash: 'sha256' | 'sha1', key: Uint8Array, message: Uint8Array): Uint8Array {
  const h = hash === 'sha256' ? sha256 : sha1;
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? h(key) : key);
  const pad = (byte: number): Uint8Array => block.map((b) => b ^ byte);
  const inner = h(new Uint8Array([...pad(0x36), ...message]));
  return h(new Uint8Array([...pad(0x5c), ...inner]));
}
