import { LazyMotion, MotionConfig } from 'motion/react';
import { usePlayer } from '../store/index.ts';
import type { PlayerState } from '../store/index.ts';
import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { StepDetails } from './details/StepDetails.tsx';
import { Diagram } from './diagram/Diagram.tsx';
import { Header } from './Header.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { useKeyboardShortcuts } from './keys/useKeyboardShortcuts.ts';
import { StatusCaption } from './StatusCaption.tsx';
import { Waterfall } from './timeline/Waterfall.tsx';
import { useAnimationFrameTicks } from './useAnimationFrameTicks.ts';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts';

/** Animation features arrive in their own chunk: the first load stays inside the JavaScript budget. */
const loadMotionFeatures = () => import('./motionFeatures.ts').then((module) => module.default);

const selectTheme = (s: PlayerState) => s.theme;
const selectMotion = (s: PlayerState) => s.playback.motion;

/** The main view (PRODUCT.md §4): pickers on top, the diagram, narration, controls and timeline, step details. */
export function Player({ keys = true }: { keys?: boolean }) {
  useAnimationFrameTicks();
  useKeyboardShortcuts(keys);
  usePrefersReducedMotion();
  const theme = usePlayer(selectTheme);
  const motion = usePlayer(selectMotion);
  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <MotionConfig reducedMotion={motion ? 'user' : 'always'}>
        <div
          className="rt-player"
          data-theme={theme === 'system' ? undefined : theme}
          data-motion={motion ? 'on' : 'off'}
        >
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
          <HelpOverlay />
        </div>
      </MotionConfig>
    </LazyMotion>
  );
}
