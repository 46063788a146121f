import { parseArgs } from 'node:util';
import {
  DATABASES,
  LANGUAGES,
  SCENARIOS,
  buildTimeline,
  scenarioById,
  unavailableReason,
} from '../../src/core/index.ts';
import type { Database, Language, Timeline } from '../../src/core/index.ts';
import { DEFAULT_SIZE, parseRange, parseSize } from '../../src/export/exportOptions.ts';
import type { ExportSize, StepRange } from '../../src/export/exportOptions.ts';
import { SCENE_THEMES } from '../../src/export/scene/sceneTheme.ts';
import type { SceneThemeName } from '../../src/export/scene/sceneTheme.ts';

export const EXPORT_FORMATS = ['png', 'svg', 'gif', 'pptx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One file (or folder of step pictures) to write. */
export interface ExportJob {
  readonly timeline: Timeline;
  readonly range: StepRange;
  readonly out: string;
}

export interface ExportPlan {
  readonly format: ExportFormat;
  readonly size: ExportSize;
  readonly theme: SceneThemeName;
  readonly jobs: readonly ExportJob[];
  /** Where the PowerPoint's end slide links to: the hosted app or the single file beside the deck. */
  readonly link: string;
}

const oneOf = <T extends string>(list: readonly T[], value: string, what: string): T => {
  if ((list as readonly string[]).includes(value)) return value as T;
  throw new Error(`Unknown ${what} "${value}": one of ${list.join(', ')}`);
};

/**
 * `npm run export` arguments to a plan, or an Error whose message is the one line the teacher sees.
 * png and svg of more than one step write a folder of `01-browser-start.png`…; `--all` writes one
 * file (or folder) per scenario into the folder `--out`.
 */
export function parseExportArgs(argv: readonly string[]): ExportPlan {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: 'node' },
        db: { type: 'string', default: 'postgres' },
        format: { type: 'string' },
        size: { type: 'string' },
        theme: { type: 'string', default: 'light' },
        steps: { type: 'string' },
        out: { type: 'string' },
        all: { type: 'boolean', default: false },
        link: { type: 'string', default: 'roundtrip.html' },
      },
    });
  } catch (error) {
    throw new Error(error instanceof Error ? error.message.split('\n')[0] : String(error), { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.format === undefined)
    throw new Error(`--format is required: one of ${EXPORT_FORMATS.join(', ')}`);
  const format = oneOf(EXPORT_FORMATS, values.format, 'format');
  const lang = oneOf<Language>(LANGUAGES, values.lang, 'language');
  const db = oneOf<Database>(DATABASES, values.db, 'database');
  const theme = oneOf<SceneThemeName>(SCENE_THEMES, values.theme, 'theme');
  const size = values.size === undefined ? DEFAULT_SIZE : parseSize(values.size);
  if (typeof size === 'string') throw new Error(size);
  if (positionals.length > 1)
    throw new Error(`One scenario at a time (got ${positionals.join(', ')}); --all for every one`);
  const scenarios = values.all
    ? SCENARIOS
    : [
        scenarioById(positionals[0] ?? '') ??
          (() => {
            throw new Error(
              positionals[0] === undefined
                ? 'Name a scenario (e.g. first-visit) or pass --all'
                : `Unknown scenario "${positionals[0]}". npm run timeline -- --list shows them`,
            );
          })(),
      ];
  // --all leaves out the scenarios not shown on the stack; one named scenario says why it cannot be.
  const shown = values.all ? scenarios.filter((s) => unavailableReason(s, { lang, db }) === null) : scenarios;
  for (const s of shown) {
    const refused = unavailableReason(s, { lang, db });
    if (refused !== null) throw new Error(`${s.id} is not shown on ${lang}+${db}: ${refused}`);
  }
  const jobs = shown.map((scenario) => {
    const timeline = buildTimeline(scenario, { lang, db });
    const count = timeline.steps.length;
    const range = values.steps === undefined ? { from: 1, to: count } : parseRange(values.steps, count);
    if (typeof range === 'string') throw new Error(`${scenario.id}: ${range}`);
    const folderOfSteps = (format === 'png' || format === 'svg') && range.to > range.from;
    const own = folderOfSteps ? scenario.id : `${scenario.id}.${format}`;
    const out = values.all ? `${values.out ?? 'roundtrip-export'}/${own}` : (values.out ?? own);
    return { timeline, range, out };
  });
  return { format, size, theme, jobs, link: values.link };
}
