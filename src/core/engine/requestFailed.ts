import type { Outcome } from '../model/timeline.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import { internal } from '../journey/EngineContext.ts';
import { COST_MS } from '../world/world.ts';
import { isStylesheet } from './browserRequest.ts';

/** Why the network stack gave up before any HTTP response: the name did not resolve, or the certificate was refused. */
export type NetFailure =
  | { readonly kind: 'name' }
  | {
      readonly kind: 'certificate';
      /** Chrome's net error for the refused certificate: "net::ERR_CERT_DATE_INVALID". */
      readonly netError: string;
    };

/** Chrome's net error (net/base/net_error_list.h, as ErrorToString writes it: "net::ERR_…"). */
export const netErrorOf = (failure: NetFailure): string =>
  failure.kind === 'name' ? 'net::ERR_NAME_NOT_RESOLVED' : failure.netError;

/**
 * What Chrome would have shown had the address been typed into the address bar: its error page for a
 * navigation, with the strings of Chromium's net error page (components/error_page) and SSL interstitial
 * (components/security_interstitials), checked live against Debian's Chromium (tests/truth/fetchFailure.test.ts).
 */
export function navigationPage(failure: NetFailure, host: string): string {
  switch (failure.kind) {
    case 'name':
      return [
        'This site can’t be reached',
        `${host}’s server IP address could not be found.`,
        'ERR_NAME_NOT_RESOLVED',
        '(desktop Chrome then probes DNS itself and, once the probe confirms it, shows DNS_PROBE_FINISHED_NXDOMAIN)',
      ].join('\n');
    case 'certificate':
      return [
        'Your connection is not private',
        `Attackers might be trying to steal your information from ${host} (for example, passwords, messages, or credit cards).`,
        failure.netError.replace(/^net::/, 'NET::'),
        'Back to safety · Advanced',
      ].join('\n');
  }
}

/**
 * The page's side of a request the network stack gave up on: a script's `fetch()` rejects with a bare
 * `TypeError: Failed to fetch` (no status, no headers, no reason the code can read; the Fetch Standard's
 * "network error"), the DevTools console names the net error, and a stylesheet `<link>` fires its error event.
 * Chrome's full-page error exists only for navigations, so the step says what a typed-in address would show.
 * The console line is DevTools' rendering of the network log entry ("Failed to load resource: net::…", checked
 * live) for a request it knows: method, URL and the failure (devtools-frontend ConsoleViewMessage.formatAsNetworkRequest).
 */
export function requestFailed(ctx: EngineContext, failure: NetFailure): Outcome {
  const { b, scenario, url } = ctx;
  const netError = netErrorOf(failure);
  const { method } = scenario.request;
  const css = isStylesheet(url);
  const what = failure.kind === 'name' ? `${url.host} has no address` : 'the certificate was refused';
  const page = navigationPage(failure, url.host);
  b.local('browser', COST_MS.render, {
    id: css ? 'stylesheet-failed' : 'fetch-rejected',
    phase: 'response',
    title: css ? 'The stylesheet fails to load' : 'fetch() rejects: TypeError',
    narration: css
      ? `The network stack gives up (${what}), so the <link>'s error event fires and the page renders without the stylesheet. The console shows ${netError}. Typed into the address bar instead, the same failure is a navigation, and Chrome shows its own error page: "${page.split('\n')[0] ?? ''}".`
      : `The network stack gives up (${what}), and the page's fetch() promise rejects with TypeError: Failed to fetch. The page's code gets no status and no headers, only that bare error: it cannot tell a typo from an outage or a bad certificate. Only the DevTools console shows why, ${netError}. Chrome's full-page error is for navigations: had the user typed the address into the address bar, Chrome would show "${page.split('\n')[0] ?? ''}" with ${failure.kind === 'name' ? 'ERR_NAME_NOT_RESOLVED' : netError.replace(/^net::/, 'NET::')}.`,
    why:
      failure.kind === 'name'
        ? 'Operations: a page that calls an API must handle a rejected fetch() itself; the browser shows the user nothing.'
        : 'Security: the browser will not let the page talk to a server it cannot authenticate, and it does not tell the page why.',
    message: internal(
      css ? `error event: ${netError}` : 'TypeError: Failed to fetch',
      [
        css
          ? `<link rel="stylesheet" href="${url.target}"> → error event`
          : 'fetch() → Promise rejected: TypeError: Failed to fetch',
        '',
        'DevTools console:',
        `  ${method} ${scenario.request.url} ${netError}`,
        ...(css ? [] : ['  Uncaught (in promise) TypeError: Failed to fetch   (unless the page catches it)']),
        '',
        'Typed into the address bar instead (a navigation), Chrome would show:',
        ...page.split('\n').map((line) => `  ${line}`),
      ].join('\n'),
    ),
  });
  return {
    ok: false,
    status: null,
    summary: `${css ? 'Stylesheet failed' : 'fetch() rejected'}: ${netError}, no response ({total})`,
  };
}
