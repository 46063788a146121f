import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { StepDetails } from './details/StepDetails.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { Header } from './Header.tsx';
import { PlayerShell } from './PlayerShell.tsx';
import { StatusCaption } from './StatusCaption.tsx';
import { Waterfall } from './timeline/Waterfall.tsx';

/** The main view (PRODUCT.md §4): pickers on top, the diagram, narration, controls and timeline, step details. */
export function Player({ keys = true }: { keys?: boolean }) {
  return (
    <PlayerShell keys={keys} className="rt-player--main">
      <Header />
      <main className="rt-main">
        <div className="rt-stage">
          <Diagram />
          <StatusCaption />
          <PlaybackControls />
          <Waterfall />
        </div>
        <StepDetails />
      </main>
    </PlayerShell>
  );
}
