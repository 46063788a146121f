import type { ExtraId, ExtraStages, Extras } from '../core/index.ts';

/** Fetches one extra's stages (core/extras/<id>.ts): a chunk of its own each. */
function importExtra<K extends ExtraId>(id: K): Promise<ExtraStages[K]>;
function importExtra(id: ExtraId): Promise<ExtraStages[ExtraId]> {
  switch (id) {
    case 'http2':
      return import('../core/extras/http2.ts').then((m) => m.http2);
    case 'tlsResumption':
      return import('../core/extras/tlsResumption.ts').then((m) => m.tlsResumption);
    case 'loadBalancer':
      return import('../core/extras/loadBalancer.ts').then((m) => m.loadBalancer);
    case 'kubernetes':
      return import('../core/extras/kubernetes.ts').then((m) => m.kubernetes);
    case 'databaseFaults':
      return import('../core/extras/databaseFaults.ts').then((m) => m.databaseFaults);
    case 'appFaults':
      return import('../core/extras/appFaults.ts').then((m) => m.appFaults);
    case 'cors':
      return import('../core/extras/cors.ts').then((m) => m.cors);
    case 'httpsRedirect':
      return import('../core/extras/httpsRedirect.ts').then((m) => m.httpsRedirect);
    case 'rateLimit':
      return import('../core/extras/rateLimit.ts').then((m) => m.rateLimit);
    case 'browserCache':
      return import('../core/extras/browserCache.ts').then((m) => m.browserCache);
    case 'geography':
      return import('../core/extras/geography.ts').then((m) => m.geography);
    case 'session':
      return import('../core/extras/session.ts').then((m) => m.session);
    case 'gzip':
      return import('../core/extras/gzip.ts').then((m) => m.gzip);
    case 'mongodb':
      return import('../core/extras/mongodb.ts').then((m) => m.mongodb);
    case 'mysql':
      return import('../core/extras/mysql.ts').then((m) => m.mysql);
    case 'reviews':
      return import('../core/extras/reviews.ts').then((m) => m.reviews);
  }
}

const loaded: { -readonly [K in ExtraId]?: ExtraStages[K] } = {};
const loading = new Map<ExtraId, Promise<void>>();

function loadOne(id: ExtraId): Promise<void> {
  if (loaded[id]) return Promise.resolve();
  let pending = loading.get(id);
  if (!pending) {
    pending = importExtra(id).then(
      (stages) => {
        Object.assign(loaded, { [id]: stages });
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/**
 * The registry of a scenario's extra stages the store has loaded (HTTP/2, TLS resumption…: what only some
 * scenarios reach). The first view needs none for the default scenario; a scenario that needs some is
 * simulated once they have arrived, as a stack waits for its language's profile.
 */
export const extraStages = {
  /**
   * The extras named, when every one is loaded, else undefined. Only those: a scenario is simulated with what
   * `extrasFor` names, as `buildTimeline` does in the tests, not with whatever an earlier scenario loaded.
   */
  get(ids: readonly ExtraId[]): Extras | undefined {
    if (!ids.every((id) => loaded[id])) return undefined;
    return Object.fromEntries(ids.map((id) => [id, loaded[id]])) as Extras;
  },
  /** Loads the extras named, each once (a failed fetch may be tried again). */
  load: (ids: readonly ExtraId[]): Promise<void> => Promise.all(ids.map(loadOne)).then(() => undefined),
};
