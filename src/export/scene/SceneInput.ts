import type { Timeline } from '../../core/index.ts';
import type { SceneFont } from './sceneFont.ts';
import type { SceneThemeName } from './sceneTheme.ts';

/** The two weights the scene sets its text in. */
export interface SceneFonts {
  readonly regular: SceneFont;
  readonly bold: SceneFont;
}

/** Everything a picture of one moment depends on; the scene reads nothing else. */
export interface SceneInput {
  readonly timeline: Timeline;
  /** 0-based step index and its progress (0 = just left, 1 = arrived), as the player holds them. */
  readonly step: number;
  readonly progress: number;
  readonly theme: SceneThemeName;
  readonly width: number;
  readonly height: number;
  /** Draw the caption "Step N of M: title. narration" under the diagram. */
  readonly captions: boolean;
  readonly fonts: SceneFonts;
}
