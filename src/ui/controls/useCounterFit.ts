import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Below this share of its font the last step's line goes on two lines rather than shrink further. */
export const MIN_ONE_LINE = 0.8;
/** And two lines never take more than this share (two of them fill the buttons' row). */
export const MAX_TWO_LINES = 0.8;

export interface CounterFit {
  /** The line's font as a share of the counter's own. */
  readonly scale: number;
  readonly lines: 1 | 2;
}

/**
 * How the main view's counter says its longest line (the last step's, `step` · `outcome`) in the room
 * the controls leave it: the counter keeps main's width ("Step 41 of 41") plus what its row has spare,
 * so no control moves or wraps between steps; the line takes the largest font up to the counter's that
 * fits, on one line down to MIN_ONE_LINE of it, else the outcome under the step (a row of one line in
 * the widest projector layout has no room for the whole line at a legible size). Measured with a
 * canvas in the counter's font, again whenever the counter changes width.
 */
export function fitCounter(room: number, whole: number, parts: readonly number[]): CounterFit {
  if (room <= 0 || whole <= 0) return { scale: 1, lines: 1 };
  const one = Math.min(1, room / whole);
  if (one >= MIN_ONE_LINE) return { scale: one, lines: 1 };
  const widest = Math.max(...parts, 1);
  return { scale: Math.min(MAX_TWO_LINES, room / widest), lines: 2 };
}

const round = (fit: CounterFit): CounterFit => ({ ...fit, scale: Math.floor(fit.scale * 1000) / 1000 });

export function useCounterFit(
  counter: RefObject<HTMLElement | null>,
  step: string,
  outcome: string,
): CounterFit {
  const [fit, setFit] = useState<CounterFit>({ scale: 1, lines: 1 });
  useLayoutEffect(() => {
    const el = counter.current;
    if (!el || !el.closest('.rt-player--main')) return;
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return;
    const update = () => {
      const style = getComputedStyle(el);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const width = (text: string) => context.measureText(text).width;
      const next = round(
        fitCounter(el.clientWidth, width(`${step} · ${outcome}`), [width(step), width(outcome)]),
      );
      setFit((prev) => (prev.scale === next.scale && prev.lines === next.lines ? prev : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [counter, step, outcome]);
  return fit;
}
