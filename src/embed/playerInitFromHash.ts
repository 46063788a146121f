import type { HashState } from '../core/index.ts';
import type { PlayerInit } from '../store/index.ts';

/** What a link asks of a new player: scenario, stack, step (0-based here), speed, pauses, theme, motion. */
export function playerInitFromHash(hash: HashState): PlayerInit {
  return {
    scenarioId: hash.scenario,
    stack: { lang: hash.lang, db: hash.db },
    step: hash.step - 1,
    playback: { speed: hash.speed, pauseAtHop: hash.pause === 'hop' },
    autoplay: hash.autoplay,
    theme: hash.theme ?? 'system',
    motionOff: hash.motion === 'off',
  };
}
