import type { HashState } from '../core/index.ts';
import type { PlayerState } from './PlayerState.ts';

/** The link (hash state) for where a player stands now; view options (embed, api, controls…) come from `view`. */
export function linkOf(s: PlayerState, view: HashState): HashState {
  return {
    ...view,
    scenario: s.scenarioId,
    lang: s.stack.lang,
    db: s.stack.db,
    step: s.playback.step + 1,
    speed: s.playback.speed,
    pause: s.playback.pauseAtHop ? 'hop' : 'none',
    theme: s.theme === 'system' ? null : s.theme,
    motion: s.motionOff ? 'off' : 'auto',
    autoplay: view.autoplay,
  };
}
