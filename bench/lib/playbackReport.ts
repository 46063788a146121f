/** The playback benchmark's table, legend and verdict against the issue's bar. */
import type { RunResult } from './playbackMeasure.ts';
import { FRAME_BUDGET_P95_MS, LONG_TASK_MS } from './playbackMeasure.ts';
import { show, textTable } from './stats.ts';

/** Main-thread time per frame above which a run is worth a look (half the 16.7 ms frame). */
const HIGH_MAIN_THREAD_MS = 8;

/** The columns every playback table shares: case, run, frame intervals, long tasks, time per frame. */
export const RUN_COLUMNS = [
  'case',
  'run',
  'frames',
  'median',
  'p95',
  'max',
  '>17.5',
  'long tasks',
  'lt cpu',
  'ms/frame',
  'script',
  'layout',
  'style',
  'other',
  'cpu',
] as const;

/** One run's cells for RUN_COLUMNS. */
export function runCells(r: RunResult): string[] {
  return [
    r.case,
    String(r.run),
    String(r.frames),
    show(r.intervalMs.median),
    show(r.intervalMs.p95),
    show(r.intervalMs.max),
    String(r.intervalMs.over17_5),
    r.longTasks.count ? `${r.longTasks.count} (max ${show(r.longTasks.maxMs, 0)})` : '0',
    show(r.longTasks.maxCpuMs, 0),
    show(r.perFrameMs.task, 2),
    show(r.perFrameMs.script, 2),
    show(r.perFrameMs.layout, 2),
    show(r.perFrameMs.style, 2),
    show(r.perFrameMs.other, 2),
    show(r.perFrameMs.threadCpu, 2),
  ];
}

export function playbackTable(rows: readonly RunResult[]): string {
  const header = [...RUN_COLUMNS, 'busy', 'steps', 'load1'];
  const body = rows.map((r) => [
    ...runCells(r),
    r.mainThreadBusy === null ? '–' : `${Math.round(r.mainThreadBusy * 100)}%`,
    `${r.steps.atStart.replace(/\s*·.*$/, '')} → ${r.steps.atEnd.replace(/\s*·.*$/, '')}${r.steps.restartsAtMs.length ? ` ↺${r.steps.restartsAtMs.length}` : ''}`,
    show(r.loadavg[0], 2),
  ]);
  return textTable(header, body);
}

export function playbackVerdict(rows: readonly RunResult[]): string[] {
  const notes: string[] = [];
  for (const r of rows) {
    const over: string[] = [];
    if ((r.intervalMs.p95 ?? 0) > FRAME_BUDGET_P95_MS)
      over.push(`p95 ${r.intervalMs.p95} ms > ${FRAME_BUDGET_P95_MS}`);
    if (r.longTasks.count > 0)
      over.push(
        `${r.longTasks.count} long task(s) over ${LONG_TASK_MS} ms: ` +
          r.longTasks.list.map((t) => `${t.ms} ms at +${t.atMs} ms`).join(', ') +
          (r.longTasks.maxCpuMs === null
            ? '; no task over 50 ms in the trace'
            : `; the most CPU any of them used: ${r.longTasks.maxCpuMs} ms`) +
          (r.steps.restartsAtMs.length ? ` (restart at +${r.steps.restartsAtMs.join(', +')} ms)` : ''),
      );
    if ((r.perFrameMs.task ?? 0) > HIGH_MAIN_THREAD_MS)
      over.push(`main thread ${r.perFrameMs.task} ms/frame > ${HIGH_MAIN_THREAD_MS}`);
    if (r.errors.length) over.push(`page errors: ${r.errors.slice(0, 3).join(' | ')}`);
    if (over.length) notes.push(`${r.case} run ${r.run}: ${over.join('; ')}`);
  }
  return notes;
}

/** What each column of the playback table means. */
export const PLAYBACK_LEGEND = [
  'median/p95/max: frame intervals, ms (60 Hz clock: 16.7 = no frame missed); >17.5: intervals over 17.5 ms',
  'long tasks: PerformanceObserver longtask entries in the window (count, max ms)',
  'lt cpu: the most main-thread CPU ms any task over 50 ms used (trace tdur; far below 50 = stretched by load)',
  'task/script/layout/style/other: main-thread ms per frame (CDP Performance: TaskDuration, ScriptDuration,',
  '  LayoutDuration, RecalcStyleDuration, TaskOtherDuration = paint, commit and the rest)',
  'cpu: main-thread CPU ms per frame (ThreadTime: leaves out time the OS gave other processes)',
  'busy: main-thread share of wall time; steps: step counter when the window opened → closed (↺ restarts)',
  'load1: 1-minute load average after the run',
].join('\n');
