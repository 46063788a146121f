import { describe, expect, it } from 'vitest';
import { holdMessages } from './holdMessages.ts';

describe('holdMessages', () => {
  it('keeps messages in order until released, then stops listening', () => {
    const target = new EventTarget();
    const win = {
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
    } as unknown as Window;
    const held = holdMessages(win);
    const post = (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data }));
    post('slide:start');
    post({ roundtrip: 1, command: 'next' });
    expect(held.release().map((e) => e.data)).toEqual(['slide:start', { roundtrip: 1, command: 'next' }]);
    post('slide:stop');
    expect(held.release()).toEqual([]);
  });
});
