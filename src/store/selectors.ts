import type { Step } from '../core/index.ts';
import type { PlayerState } from './PlayerState.ts';

/** Selectors shared by several components, declared once outside them. */
export const selectTimeline = (s: PlayerState) => s.timeline;
export const selectCurrentStep = (s: PlayerState): Step | undefined => s.timeline.steps[s.playback.step];
export const selectStepIndex = (s: PlayerState) => s.playback.step;
export const selectStepCount = (s: PlayerState) => s.timeline.steps.length;
export const selectIsPlaying = (s: PlayerState) => s.playback.mode === 'playing';
export const selectMotion = (s: PlayerState) => s.playback.motion;
export const selectPace = (s: PlayerState) => s.playback.pace;
export const selectTheme = (s: PlayerState) => s.theme;
export const selectSelectedNode = (s: PlayerState) => s.selectedNode;
export const selectSelectNode = (s: PlayerState) => s.selectNode;
export const selectSetOverlay = (s: PlayerState) => s.setOverlay;
