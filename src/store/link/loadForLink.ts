import { parseHash } from '../../core/index.ts';
import type { Builds } from '../createPlayerStore.ts';
import { playerStart } from '../createPlayerStore.ts';
import { loadToSimulate, scenarioToPlay } from '../timelineMemo.ts';
import { playerInitFromLink } from './playerInitFromLink.ts';

/**
 * Loads what a player started from this link needs before `storeFromLink` can make it: the language
 * profile of the stack it opens on (the link's, or the nearest one its scenario is shown on) and its
 * scenario's extra stages (the build's, with `builds`, for a link with one). The default scenario needs
 * none: its first view waits for the profile alone.
 */
export function loadForLink(hash: string, builds?: Builds): Promise<unknown> {
  const init = playerInitFromLink(parseHash(hash).state);
  const start = playerStart(init);
  const build = init.build && builds ? builds(init.build) : null;
  return loadToSimulate(scenarioToPlay(start.scenarioId, build?.ok ? build.scenario : null), start.stack);
}
