import type { Header, HttpResponse } from '../model/messages.ts';
import type { Language } from '../model/stack.ts';

/** The header the shop's middleware sets on every answer from the GIT_COMMIT its image was built with. */
export const VERSION_HEADER = 'X-Git-Commit';

/**
 * The response with the version header a middleware sets before the handler runs, where each framework writes
 * it: Starlette stores header names in lower case; Go's net/http writes the handler's headers sorted by name;
 * Express and Spring keep the order headers were set in, so it comes after X-Powered-By and before the
 * handler's own Cache-Control (or, without one, Content-Type); Rails' before_action sets it after the default
 * security headers, before rendering sets Content-Type; Laravel's middleware sets it on the way out, and FrankenPHP's
 * Go server writes the header map sorted by name too, before the Content-Length it adds; Drogon's post-handling advice adds it in
 * lower case among the handler's headers, before the date.
 */
export function withVersionHeader(response: HttpResponse, lang: Language, commit: string): HttpResponse {
  const headers = [...response.headers];
  const at = (name: string) => headers.findIndex(([n]) => n.toLowerCase() === name);
  const insert = (index: number, header: Header): HttpResponse => {
    headers.splice(index < 0 ? headers.length : index, 0, header);
    return { ...response, headers };
  };
  const before = () => (at('cache-control') >= 0 ? at('cache-control') : at('content-type'));
  switch (lang) {
    case 'python':
      return insert(before(), [VERSION_HEADER.toLowerCase(), commit]);
    case 'go': {
      // net/http writes the handler's header map sorted, then the Date and Content-Length it adds itself.
      const own = headers.findIndex(([n]) => n === 'Date' || n === 'Content-Length');
      const sorted = headers.findIndex(([n], i) => (own < 0 || i < own) && n > VERSION_HEADER);
      return insert(sorted >= 0 ? sorted : own, [VERSION_HEADER, commit]);
    }
    case 'node':
    case 'java':
      return insert(before(), [VERSION_HEADER, commit]);
    case 'ruby':
      // Rack 3's headers are lower case (Rack::Headers), whoever sets them.
      return insert(at('content-type'), [VERSION_HEADER.toLowerCase(), commit]);
    case 'php':
      return insert(
        headers.findIndex(([n]) => n === 'Content-Length' || n > VERSION_HEADER),
        [VERSION_HEADER, commit],
      );
    case 'cpp':
      // A Drogon post-handling advice adds it with addHeader: lower-cased into the handler's headers, which
      // Drogon writes before the date it adds last.
      return insert(at('date'), [VERSION_HEADER.toLowerCase(), commit]);
  }
}
