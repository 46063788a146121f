import { useMemo, useRef } from 'react';
import type { PointerEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatDuration } from '../../core/index.ts';
import {
  selectCurrentStep,
  selectPace,
  selectStepIndex,
  selectTimeline,
  usePlayer,
} from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { PHASE_INFO } from '../phaseInfo.ts';
import { stepLabel } from '../stepLabel.ts';
import { Playhead } from './Playhead.tsx';
import { waterfallScale } from './waterfallScale.ts';

/** Above this many steps the marks would merge into a smear; the bands and playhead still show. */
const MAX_MARKS = 400;

const selectSeek = (s: PlayerState) => ({ seekStep: s.seekStep, seekTime: s.seekTime });

/**
 * The timeline: phases as coloured, labelled bands like the DevTools waterfall, each step a mark,
 * and a playhead. A slider named "Timeline": click or drag to seek; the arrow keys step.
 */
export function Waterfall() {
  const timeline = usePlayer(selectTimeline);
  const pace = usePlayer(selectPace);
  const index = usePlayer(selectStepIndex);
  const step = usePlayer(selectCurrentStep);
  const { seekStep, seekTime } = usePlayer(useShallow(selectSeek));
  const scale = useMemo(() => waterfallScale(timeline, pace), [timeline, pace]);
  const dragging = useRef(false);
  const count = timeline.steps.length;

  const seekAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = box.width > 0 ? Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1) : 0;
    if (pace === 'teaching') seekStep(Math.min(Math.floor(fraction * count), count - 1));
    else seekTime(fraction * timeline.totalMs);
  };

  return (
    <div className="rt-waterfall">
      <div
        className="rt-waterfall-track"
        role="slider"
        tabIndex={0}
        aria-label="Timeline"
        aria-valuemin={1}
        aria-valuemax={Math.max(count, 1)}
        aria-valuenow={Math.min(index + 1, Math.max(count, 1))}
        aria-valuetext={
          step
            ? `${stepLabel(index, count)}: ${step.title}, ${PHASE_INFO[step.phase].label} phase, at ${formatDuration(step.startMs)}`
            : 'No steps'
        }
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          dragging.current = true;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          seekAt(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) seekAt(event);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        <div className="rt-bands" aria-hidden="true">
          {scale.bands.map((band, i) => {
            const info = PHASE_INFO[band.phase];
            const width = (band.end - band.start) * 100;
            return (
              <div
                key={`${band.phase}-${i}`}
                className="rt-band"
                style={{
                  left: `${band.start * 100}%`,
                  width: `${width}%`,
                  background: info.fill,
                  color: info.ink,
                }}
                title={info.label}
              >
                {/* The whole name where it fits, else a short one (container queries, controls.css). */}
                <span className="rt-band-full">{info.label}</span>
                <span className="rt-band-short">{info.short}</span>
              </div>
            );
          })}
        </div>
        <div className="rt-marks" aria-hidden="true">
          {count <= MAX_MARKS &&
            timeline.steps.map((s) => (
              <span
                key={s.index}
                className={`rt-mark rt-mark--${s.direction}${s.index === index ? ' rt-mark--current' : ''}${s.index < index ? ' rt-mark--done' : ''}`}
                style={{ left: `${scale.markAt(s.index) * 100}%` }}
              />
            ))}
        </div>
        <Playhead />
        {/* After the playhead, which would otherwise strike through the time. */}
        <div className="rt-marks" aria-hidden="true">
          {scale.long.map((i) => (
            <span
              key={`long-${i}`}
              // Beside the mark, on the side with room: the track clips what passes its edge.
              className={`rt-mark-time${scale.markAt(i) > 0.6 ? ' rt-mark-time--before' : ''}`}
              style={{ left: `${scale.markAt(i) * 100}%` }}
            >
              {formatDuration(timeline.steps[i]?.durationMs ?? 0)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
