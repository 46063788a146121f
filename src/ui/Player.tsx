import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { StepDetails } from './details/StepDetails.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { NodeStatePanel } from './diagram/NodeStatePanel.tsx';
import { Header } from './Header.tsx';
import { Panel } from './Panel.tsx';
import { ScenarioSetup } from './pickers/ScenarioSetup.tsx';
import { PlayerShell } from './PlayerShell.tsx';
import { StatusCaption } from './StatusCaption.tsx';
import { Waterfall } from './timeline/Waterfall.tsx';

/**
 * The main view (PRODUCT.md §4): pickers on top; the diagram, controls and timeline; beside them what
 * a node knows (when one is picked) and the step's details with its narration.
 */
export function Player({ keys = true }: { keys?: boolean }) {
  return (
    <PlayerShell keys={keys} className="rt-player--main">
      <Panel name="top bar">
        <Header />
      </Panel>
      <main className="rt-main">
        <div className="rt-stage">
          <Panel name="diagram">
            <Diagram />
          </Panel>
          {/* The details panel shows the narration; the status line is for screen readers here. */}
          <StatusCaption hidden />
          <div className="rt-transport">
            <Panel name="controls">
              <PlaybackControls />
              <Waterfall />
            </Panel>
          </div>
        </div>
        <aside className="rt-side" aria-label="Details">
          <Panel name="scenario setup">
            <ScenarioSetup />
          </Panel>
          <Panel name="node">
            <NodeStatePanel />
          </Panel>
          <Panel name="step details">
            <StepDetails />
          </Panel>
        </aside>
      </main>
    </PlayerShell>
  );
}
