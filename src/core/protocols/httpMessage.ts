import type { HttpRequest, HttpResponse, Message } from '../model/messages.ts';
import { serializeHttp } from './serializeHttp.ts';

/** Wraps an HTTP message for a step: its exact wire text and a one-line label. */
export const httpMessage = (http: HttpRequest | HttpResponse): Message => ({
  protocol: 'http',
  summary: http.kind === 'request' ? `${http.method} ${http.target}` : `${http.status} ${http.reason}`,
  text: serializeHttp(http),
  http,
});
