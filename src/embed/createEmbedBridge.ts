import { parseCommand } from '../core/index.ts';
import type { EmbedCommand } from '../core/index.ts';
import { isAtEnd } from '../core/index.ts';
import type { PlayerState, PlayerStore } from '../store/index.ts';
import { playerSnapshot } from './playerSnapshot.ts';

/** Where messages go: `postMessage` of a window-like target. */
export interface MessageTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** The parts of `window` the bridge uses, so tests can pass a stand-in. */
export interface BridgeWindow {
  /** `focus` is one of the few things a cross-origin frame may call on its parent. */
  readonly parent: MessageTarget & { focus?(): void };
  readonly document?: { readonly activeElement: Element | null };
  blur?(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface BridgeOptions {
  /** Pass "next" past the last step and "prev" before the first to a reveal.js parent. */
  readonly handoff: boolean;
  /** The step (0-based) the link named, where reveal.js's slide:start returns to. */
  readonly linkedStep: number;
  readonly autoplay: boolean;
  /**
   * Messages that arrived while the bridge's code was being fetched, in order: a host such as reveal.js
   * posts slide:start as soon as the frame's load event fires, which can be before this module is here.
   */
  readonly early?: readonly MessageEvent[];
}

type Event = 'ready' | 'step' | 'ended' | 'state';

/**
 * The embedding API (PRODUCT.md §5, api=1): obeys validated postMessage commands, reports ready, step,
 * ended and state events to the parent (state also when playing starts or stops), and understands
 * reveal.js's slide:start / slide:stop (also those posted before it was loaded, `early`); with handoff,
 * next/prev beyond the ends — by command, key or button — go to the deck, and the frame hands the
 * keyboard back to it.
 * Answers go to the sender with its origin ("*" when that origin is "null", as from a file).
 * Returns a function that disconnects it.
 */
export function createEmbedBridge(store: PlayerStore, win: BridgeWindow, options: BridgeOptions): () => void {
  const message = (event: Event) => ({ roundtrip: 1, event, state: playerSnapshot(store.getState()) });
  const toParent = (event: Event) => win.parent.postMessage(message(event), '*');
  // After a hand-off the keys belong to the deck again: the frame gives up the keyboard (its focused
  // element and itself) and focuses its parent, or a clicker's next key would step a hidden player.
  const releaseKeyboard = () => {
    const active = win.document?.activeElement;
    if (active && 'blur' in active && typeof active.blur === 'function') active.blur();
    win.blur?.();
    win.parent.focus?.();
  };
  const handOff = (method: 'next' | 'prev') => {
    win.parent.postMessage(JSON.stringify({ method, args: [] }), '*');
    releaseKeyboard();
  };

  const run = (command: EmbedCommand, reply: (event: Event) => void) => {
    const s = store.getState();
    switch (command.command) {
      case 'play':
        return s.play();
      case 'pause':
        return s.pause();
      case 'restart':
        return s.restart();
      case 'next':
        return s.next();
      case 'prev':
        return s.prev();
      case 'goto':
        return s.seekStep(Math.min(command.step, s.timeline.steps.length) - 1);
      case 'setScenario':
        return s.setScenario(command.scenario);
      case 'getState':
        return reply('state');
      case 'slide:start':
        s.seekStep(options.linkedStep);
        return options.autoplay ? store.getState().play() : undefined;
      case 'slide:stop':
        return s.pause();
      default: {
        const never: never = command;
        return never;
      }
    }
  };

  const onMessage = (event: MessageEvent) => {
    const command = parseCommand(event.data);
    if (!command) return;
    const source = event.source as MessageTarget | null;
    const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
    run(command, (e) => (source ?? win.parent).postMessage(message(e), origin));
  };

  const playing = (s: PlayerState) => s.playback.mode === 'playing';
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playback.step !== prev.playback.step || s.scenarioId !== prev.scenarioId) toParent('step');
    else if (playing(s) !== playing(prev)) toParent('state');
    if (isAtEnd(s.playback, s.timeline) && !isAtEnd(prev.playback, prev.timeline)) toParent('ended');
  });
  // Keys and buttons go through the same next/prev as commands: at the ends they hand off too.
  if (options.handoff) store.getState().setBeyondEnds(handOff);
  win.addEventListener('message', onMessage);
  toParent('ready');
  for (const event of options.early ?? []) onMessage(event);
  return () => {
    unsubscribe();
    if (options.handoff) store.getState().setBeyondEnds(null);
    win.removeEventListener('message', onMessage);
  };
}
