import { describe, expect, it } from 'vitest';
import { TEACHING_STEP_MS } from '../core/index.ts';
import { tinyTimeline as t } from '../../tests/unit/fixtures/tinyTimeline.ts';
import { player } from '../../tests/unit/PlayerDriver.ts';

const slot = TEACHING_STEP_MS;

/** Playback through the real store's actions, as the UI dispatches them (no React). */
describe('playback in the player store', () => {
  it('starts paused on step 1, shown as arrived, so Play moves on to step 2', () => {
    player(t).expectStep('browser-start').expectProgress(1).expectMode('paused');
    player(t).play().expectStep('dns-query').expectProgress(0).expectMode('playing');
  });

  it('when playing with pause at each hop, stops as each step arrives', () => {
    player(t)
      .seekTime(0)
      .play()
      .tick(slot / 2)
      .expectStep('browser-start')
      .expectProgress(0.5)
      .tick(slot)
      .expectStep('browser-start')
      .expectProgress(1)
      .expectMode('paused')
      .play()
      .expectStep('dns-query')
      .expectProgress(0)
      .tick(slot)
      .expectStep('dns-query')
      .expectMode('paused');
  });

  it('when pause at each hop is off, carries leftover time into the next step', () => {
    player(t)
      .seekTime(0)
      .pauseAtHop(false)
      .play()
      .tick(slot * 3.25)
      .expectStep('tcp-syn')
      .expectProgress(0.25)
      .expectMode('playing');
  });

  it('next animates just the following hop, then stops', () => {
    player(t)
      .next()
      .expectStep('dns-query')
      .expectProgress(0)
      .expectMode('stepping')
      .frames(30)
      .expectProgress((30 * 1000) / 60 / slot, 1e-9)
      .tick(slot)
      .expectStep('dns-query')
      .expectProgress(1)
      .expectMode('paused');
  });

  it('next without motion lands on the step already arrived', () => {
    player(t, { motionOff: true }).next().expectStep('dns-query').expectProgress(1).expectMode('paused');
  });

  it('prev shows the previous step arrived, without animation, and stops at step 1', () => {
    player(t)
      .seekStep(3)
      .prev()
      .expectStep('dns-answer')
      .expectProgress(1)
      .expectMode('paused')
      .prev()
      .prev()
      .prev()
      .expectStep('browser-start');
  });

  it('next on the last step only finishes it', () => {
    player(t).seekStep(99).expectStep('db-query').next().expectStep('db-query').expectProgress(1);
  });

  it('speed scales the wall time of a step', () => {
    player(t)
      .speed(4)
      .play()
      .tick(slot / 8)
      .expectProgress(0.5);
    player(t).speed(0.25).play().tick(slot).expectProgress(0.25);
  });

  it('ignores a speed that is not one of 0.25, 0.5, 1, 2, 4', () => {
    expect(player(t).speed(3).state.speed).toBe(1);
  });

  it('at real pace a step lasts its own duration: a 0.1 ms database hop is over in 0.1 ms', () => {
    player(t, { playback: { pace: 'real' } })
      .seekStep(9)
      .play()
      .expectStep('db-query')
      .tick(0.05)
      .expectProgress(0.5);
    player(t, { playback: { pace: 'real' } })
      .seekTime(0)
      .play()
      .tick(0.01)
      .expectStep('browser-start')
      .expectProgress(0.5);
  });

  it('plays to the end and stops there, or loops back to step 1', () => {
    player(t)
      .pauseAtHop(false)
      .play()
      .tick(slot * 100)
      .expectStep('db-query')
      .expectMode('paused');
    player(t, { playback: { loop: true } })
      .seekTime(0)
      .pauseAtHop(false)
      .play()
      .tick(slot * (t.steps.length + 0.5))
      .expectStep('browser-start')
      .expectProgress(0.5)
      .expectMode('playing');
    // From the load position (step 1 arrived), play runs steps 2..n, then step 1 again from its start.
    player(t, { playback: { loop: true } })
      .pauseAtHop(false)
      .play()
      .tick(slot * (t.steps.length - 1 + 0.5))
      .expectStep('browser-start')
      .expectProgress(0.5)
      .expectMode('playing');
  });

  it('play from the very end starts again at step 1', () => {
    player(t).seekStep(10).play().expectStep('browser-start').expectProgress(0).expectMode('playing');
  });

  it('toggle plays and pauses, mid-hop included', () => {
    player(t).toggle().tick(300).toggle().expectMode('paused').tick(300).expectProgress(0.25);
  });

  it('restart goes back to step 1 and keeps playing if it was', () => {
    player(t)
      .pauseAtHop(false)
      .play()
      .tick(slot * 4)
      .restart()
      .expectStep('browser-start')
      .expectProgress(0)
      .expectMode('playing');
    player(t).seekStep(5).restart().expectStep('browser-start').expectProgress(1).expectMode('paused');
  });

  it('seekTime lands part-way through the last step started at that moment', () => {
    player(t).seekTime(40.52).expectStep('tcp-syn-ack').expectProgress(0.5);
    player(t).seekTime(-5).expectStep('browser-start').expectProgress(0);
    player(t).seekTime(1e9).expectStep('db-query').expectProgress(1);
  });

  it('turning motion off lands a hop that is being stepped', () => {
    player(t).next().tick(10).motion(false).expectProgress(1).expectMode('paused');
  });
});
