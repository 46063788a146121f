import { useEffect, useState } from 'react';
import { EmbedView } from './embed/EmbedView.tsx';
import { holdMessages } from './embed/holdMessages.ts';
import type { HeldMessages } from './embed/holdMessages.ts';
import { bindHash, PlayerProvider, storeFromLink } from './store/react.ts';
import type { Builds, FirstWrite } from './store/react.ts';
import { LinkContext } from './ui/LinkContext.ts';
import { Player } from './ui/Player.tsx';
import { prefersReducedMotion } from './ui/usePrefersReducedMotion.ts';

/** The page's player, started from the link in the address bar (PRODUCT.md §5). */
const startFromLocation = (builds?: Builds) =>
  storeFromLink(window.location.hash, prefersReducedMotion(), builds);

/** Once the next frame is painted (a task queued from its frame callback runs after it). */
const afterNextPaint: FirstWrite = (write) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(write, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * The composition root (given the builder's code reader when the link carries a build): one player for the page, the main view or the embed view (embed=1), the
 * address bar kept a link to where it stands, and with api=1 the postMessage embedding API.
 */
export function App({ builds, held }: { builds?: Builds; held?: HeldMessages }) {
  // The player and the hash it was made from (an edit before bindHash listens is followed then).
  const [start] = useState(() => ({ ...startFromLocation(builds), opened: window.location.hash }));
  const { store } = start;
  // The link as opened, or as last edited by hand: its view options change without a reload.
  const [link, setLink] = useState(start.link);
  useEffect(() => {
    const { notify } = store.getState();
    notify(start.notices);
    // The link as opened is made canonical after the first frame: the diagram is not kept waiting.
    return bindHash(store, window, start.link, notify, setLink, afterNextPaint, start.opened);
  }, [store, start]);
  // A build= edited into the address by hand before the builder's code was loaded: reloading opens the
  // link as main.tsx does, with that code (the state is all in the link).
  const edited = link.build;
  useEffect(() => {
    if (edited !== null && !builds && store.getState().build !== edited) window.location.reload();
  }, [store, edited, builds]);
  const { api, handoff, step, autoplay } = link;
  useEffect(() => {
    if (!api) {
      held?.release();
      return undefined;
    }
    // The postMessage API (and its command validation) is fetched only for a link with api=1. What a
    // host posted before (kept since the page started, and by this effect while the API is on its
    // way) is handed to it, in order: a message both kept is the same event, taken once.
    const keeper = holdMessages(window);
    let stop: (() => void) | undefined;
    let ended = false;
    void import('./embed/createEmbedBridge.ts').then(({ createEmbedBridge }) => {
      if (ended) return;
      const before = held?.release() ?? [];
      const taken = new Set(before);
      const early = [...before, ...keeper.release().filter((event) => !taken.has(event))];
      stop = createEmbedBridge(store, window, { handoff, linkedStep: step - 1, autoplay, early });
    });
    return () => {
      ended = true;
      keeper.release();
      stop?.();
    };
  }, [store, api, handoff, step, autoplay, held]);
  return (
    <PlayerProvider store={store}>
      <LinkContext.Provider value={link}>
        {link.embed ? (
          <EmbedView controls={link.controls} captions={link.captions} keys={link.keys} />
        ) : (
          <Player keys={link.keys} />
        )}
      </LinkContext.Provider>
    </PlayerProvider>
  );
}
