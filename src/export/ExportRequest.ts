import type { Timeline } from '../core/index.ts';
import type { ExportSize, StepRange } from './exportOptions.ts';
import type { SceneThemeName } from './scene/sceneTheme.ts';

/** What the menu asks of an export: the player's timeline and position, and the chosen options. */
export interface ExportRequest {
  readonly timeline: Timeline;
  readonly step: number;
  readonly progress: number;
  readonly theme: SceneThemeName;
  readonly size: ExportSize;
  readonly range: StepRange;
  /** A link to the player (for the PowerPoint's last slide); the hash's step is replaced per step. */
  readonly link: string;
}

/** How a long export reports where it is, and learns it was cancelled. */
export interface ExportProgress {
  readonly signal: AbortSignal;
  report(done: number, total: number, what: string): void;
}

/** A finished export: the file to download. */
export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array | string;
}
