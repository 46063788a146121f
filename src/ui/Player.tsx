import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { StepDetails } from './details/StepDetails.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { Header } from './Header.tsx';
import { Panel } from './Panel.tsx';
import { PlayerShell } from './PlayerShell.tsx';
import { StatusCaption } from './StatusCaption.tsx';
import { Waterfall } from './timeline/Waterfall.tsx';

/** The main view (PRODUCT.md §4): pickers on top, the diagram, narration, controls and timeline, step details. */
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
          <StatusCaption />
          <Panel name="controls">
            <PlaybackControls />
            <Waterfall />
          </Panel>
        </div>
        <Panel name="step details">
          <StepDetails />
        </Panel>
      </main>
    </PlayerShell>
  );
}
