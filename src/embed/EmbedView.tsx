import type { ControlsMode } from '../core/index.ts';
import { FullscreenButton } from '../ui/controls/FullscreenButton.tsx';
import { StepCounter } from '../ui/controls/StepCounter.tsx';
import { TransportButtons } from '../ui/controls/TransportButtons.tsx';
import { Diagram } from '../ui/diagram/Diagram.tsx';
import { NodeStatePanel } from '../ui/diagram/NodeStatePanel.tsx';
import { Panel } from '../ui/Panel.tsx';
import { PlayerShell } from '../ui/PlayerShell.tsx';
import { StatusCaption } from '../ui/StatusCaption.tsx';
import { FocusHint } from './FocusHint.tsx';

export interface EmbedOptions {
  readonly controls: ControlsMode;
  readonly captions: boolean;
  readonly keys: boolean;
}

/**
 * The embed view (embed=1): the diagram, a caption line and compact controls, nothing else. Its type
 * scales with the frame's height, so it stays legible from 480×270 to a 1920×1080 projector. It never
 * takes focus on load and uses no storage, so it runs in `sandbox="allow-scripts"`.
 */
export function EmbedView({ controls, captions, keys }: EmbedOptions) {
  return (
    <PlayerShell keys={keys} className="rt-player--embed">
      <Panel name="diagram">
        <Diagram controls={false} />
      </Panel>
      <Panel name="node">
        <div className="rt-embed-node">
          <NodeStatePanel />
        </div>
      </Panel>
      <div className="rt-embed-bar">
        <StatusCaption hidden={!captions} scrolls />
        {controls !== 'none' && (
          <div className="rt-embed-controls" role="group" aria-label="Playback">
            <TransportButtons restart={controls === 'full'} compact />
            {controls === 'full' && (
              <>
                <StepCounter />
                <FullscreenButton />
              </>
            )}
          </div>
        )}
      </div>
      <FocusHint />
    </PlayerShell>
  );
}
