import { describe, expect, it } from 'vitest';
import { createPlayerStore } from '../store/index.ts';
import { createEmbedBridge } from './createEmbedBridge.ts';
import type { BridgeWindow, MessageTarget } from './createEmbedBridge.ts';

/** A stand-in window: records what is posted to the parent and lets a test deliver messages. */
function fakeWindow() {
  const posted: { message: unknown; origin: string }[] = [];
  /** Who had the keyboard, in order: "blur button", "blur frame", "focus parent". */
  const focus: string[] = [];
  const parent: MessageTarget & { focus(): void } = {
    postMessage: (message, origin) => posted.push({ message, origin }),
    focus: () => focus.push('focus parent'),
  };
  let listener: ((e: MessageEvent) => void) | null = null;
  const button = { blur: () => focus.push('blur button') } as unknown as Element;
  const win: BridgeWindow = {
    parent,
    document: { activeElement: button },
    blur: () => focus.push('blur frame'),
    addEventListener: (_t, l) => (listener = l),
    removeEventListener: () => (listener = null),
  };
  const send = (data: unknown, origin = 'https://slides.example', source: MessageTarget | null = parent) =>
    listener?.({ data, origin, source } as unknown as MessageEvent);
  const events = () => posted.map((p) => (p.message as { event?: string }).event ?? p.message);
  return { win, posted, focus, send, events, attached: () => listener !== null };
}

const start = (options: Partial<Parameters<typeof createEmbedBridge>[2]> = {}) => {
  const store = createPlayerStore({ scenarioId: 'cache-hit', systemReducedMotion: true });
  const w = fakeWindow();
  const stop = createEmbedBridge(store, w.win, {
    handoff: false,
    linkedStep: 0,
    autoplay: false,
    ...options,
  });
  return { store, ...w, stop };
};

describe('the embedding API bridge', () => {
  it('announces ready, then reports each step the commands reach', () => {
    const { store, send, events } = start();
    expect(events()).toEqual(['ready']);
    send({ roundtrip: 1, command: 'next' });
    send({ roundtrip: 1, command: 'goto', step: 5 });
    expect(store.getState().playback.step).toBe(4);
    expect(events()).toEqual(['ready', 'step', 'step']);
  });

  it('answers getState to the sender with its origin, or "*" for a file origin', () => {
    const { send, posted } = start();
    const replies: { message: unknown; origin: string }[] = [];
    const source: MessageTarget = { postMessage: (message, origin) => replies.push({ message, origin }) };
    send({ roundtrip: 1, command: 'getState' }, 'https://lms.example', source);
    send({ roundtrip: 1, command: 'getState' }, 'null', source);
    expect(replies.map((r) => r.origin)).toEqual(['https://lms.example', '*']);
    expect(replies[0]!.message).toMatchObject({
      roundtrip: 1,
      event: 'state',
      state: { scenario: 'cache-hit', step: 1, playing: false, title: expect.any(String) },
    });
    expect(posted).toHaveLength(1);
  });

  it('ignores anything that is not a valid command', () => {
    const { store, send, events } = start();
    for (const data of [
      { command: 'next' },
      { roundtrip: 1, command: 'goto', step: -1 },
      'next',
      null,
      { roundtrip: 1, command: 'next', x: 1 },
    ])
      send(data);
    expect(store.getState().playback.step).toBe(0);
    expect(events()).toEqual(['ready']);
  });

  it('sends ended when the last step arrives, and switches scenarios', () => {
    const { store, send, events } = start();
    send({ roundtrip: 1, command: 'goto', step: 999 });
    expect(events()).toContain('ended');
    send({ roundtrip: 1, command: 'setScenario', scenario: 'first-visit' });
    expect(store.getState().scenarioId).toBe('first-visit');
  });

  it('with handoff, passes next past the last step and prev before the first to reveal.js', () => {
    const { store, send, posted } = start({ handoff: true });
    send({ roundtrip: 1, command: 'prev' });
    send({ roundtrip: 1, command: 'goto', step: store.getState().timeline.steps.length });
    send({ roundtrip: 1, command: 'next' });
    const handoffs = posted.map((p) => p.message).filter((m) => typeof m === 'string');
    expect(handoffs).toEqual([
      JSON.stringify({ method: 'prev', args: [] }),
      JSON.stringify({ method: 'next', args: [] }),
    ]);
  });

  it('reveal.js slide:start returns to the linked step; slide:stop pauses', () => {
    const { store, send } = start({ linkedStep: 3 });
    send({ roundtrip: 1, command: 'goto', step: 8 });
    send('slide:start');
    expect(store.getState().playback).toMatchObject({ step: 3, mode: 'paused' });
    const autoplaying = start({ linkedStep: 3, autoplay: true });
    autoplaying.send('slide:start');
    // Playing from an arrived step animates the hop after it, as the Play button does.
    expect(autoplaying.store.getState().playback).toMatchObject({ step: 4, progress: 0, mode: 'playing' });
    send({ roundtrip: 1, command: 'play' });
    send('slide:stop');
    expect(store.getState().playback.mode).toBe('paused');
  });

  it('obeys, in order and after ready, the messages that came while it was being fetched', () => {
    const early = [
      { data: { roundtrip: 1, command: 'goto', step: 5 }, origin: 'https://slides.example', source: null },
      { data: 'slide:start', origin: 'https://slides.example', source: null },
      { data: { roundtrip: 1, command: 'getState' }, origin: 'https://slides.example', source: null },
    ] as unknown as MessageEvent[];
    const { store, events } = start({ linkedStep: 2, early });
    // goto 5 then slide:start (back to the linked step): the order they were posted in.
    expect(store.getState().playback.step).toBe(2);
    expect(events()).toEqual(['ready', 'step', 'step', 'state']);
  });

  it('disconnects cleanly', () => {
    const { stop, attached } = start();
    stop();
    expect(attached()).toBe(false);
  });
});

describe('handoff by keys and buttons', () => {
  it('next past the last step and prev before the first go to the deck whoever asks', () => {
    const { store, posted, stop } = start({ handoff: true });
    store.getState().prev();
    store.getState().seekStep(store.getState().timeline.steps.length - 1);
    store.getState().next();
    expect(posted.map((p) => p.message).filter((m) => typeof m === 'string')).toEqual([
      JSON.stringify({ method: 'prev', args: [] }),
      JSON.stringify({ method: 'next', args: [] }),
    ]);
    stop();
    store.getState().next();
    expect(posted.filter((p) => typeof p.message === 'string')).toHaveLength(2);
  });

  it('gives the keyboard back to the deck after each hand-off, and keeps it otherwise', () => {
    const { store, focus } = start({ handoff: true });
    store.getState().next();
    expect(focus).toEqual([]);
    store.getState().seekStep(0);
    store.getState().prev();
    expect(focus).toEqual(['blur button', 'blur frame', 'focus parent']);
    store.getState().seekStep(store.getState().timeline.steps.length - 1);
    store.getState().next();
    expect(focus).toHaveLength(6);
  });

  it('reports playing only while playing, and says so when it starts and stops', () => {
    const { store, send, posted } = start();
    send({ roundtrip: 1, command: 'next' });
    const last = () => posted.at(-1)?.message as { event: string; state: { playing: boolean } };
    expect(last()).toMatchObject({ event: 'step', state: { playing: false } });
    store.getState().play();
    expect(last().state.playing).toBe(true);
    store.getState().pause();
    expect(last()).toMatchObject({ event: 'state', state: { playing: false } });
  });
});
