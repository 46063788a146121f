/** The in-page recorder of the playback benchmarks, injected before any page script runs. */

export interface PageWindow {
  readonly frames: number[];
  readonly longTasks: { start: number; duration: number }[];
  /** performance.now() of each press of Play at the end. */
  readonly restarts: number[];
  readonly t0: number;
  readonly t1: number;
  readonly counterAtStart: string;
  readonly counterAtEnd: string;
}

export interface Recorder {
  start(): void;
  stop(): PageWindow;
  counter(): string;
  playing(): boolean;
}

/**
 * A rAF loop that records frame timestamps while a window is open, a long-task observer, and, since the
 * hash has no loop option, a watcher that presses Play when playback has reached the end (Play from the
 * very end starts again at step 1). Serialised by Playwright: it must be self-contained.
 */
export function installRecorder(): void {
  const frames: number[] = [];
  const longTasks: { start: number; duration: number }[] = [];
  let recording = false;
  const restarts: number[] = [];
  let t0 = 0;
  let counterAtStart = '';
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task support: reported as zero long tasks.
  }
  const onFrame = (now: number) => {
    if (recording) frames.push(now);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const playButton = () => document.querySelector<HTMLButtonElement>('button.rt-play');
  const counter = () => document.querySelector('.rt-counter')?.textContent?.trim() ?? '';
  setInterval(() => {
    const button = playButton();
    if (recording && button && button.getAttribute('aria-label') === 'Play') {
      restarts.push(performance.now());
      button.click();
    }
  }, 200);
  const recorder: Recorder = {
    start() {
      frames.length = 0;
      restarts.length = 0;
      counterAtStart = counter();
      t0 = performance.now();
      recording = true;
    },
    stop() {
      recording = false;
      return {
        frames: frames.slice(),
        longTasks: longTasks.slice(),
        restarts: restarts.slice(),
        t0,
        t1: performance.now(),
        counterAtStart,
        counterAtEnd: counter(),
      };
    },
    counter,
    playing: () => playButton()?.getAttribute('aria-label') === 'Pause',
  };
  (window as unknown as { __rtBench: Recorder }).__rtBench = recorder;
}
