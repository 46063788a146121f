/** Messages kept from the moment the page starts until the embedding API takes them. */
export interface HeldMessages {
  /** Stops keeping and returns what came, in order (empty after the first call). */
  release(): MessageEvent[];
}

/**
 * Keeps the window's messages from the first moment the page runs: a host such as reveal.js posts
 * slide:start on the frame's load event, which can come before the player has rendered and long
 * before the API (fetched only for api=1 links) is here. The API obeys them once it is.
 */
export function holdMessages(win: Pick<Window, 'addEventListener' | 'removeEventListener'>): HeldMessages {
  let held: MessageEvent[] = [];
  const keep = (event: MessageEvent) => held.push(event);
  win.addEventListener('message', keep);
  return {
    release() {
      win.removeEventListener('message', keep);
      const out = held;
      held = [];
      return out;
    },
  };
}
