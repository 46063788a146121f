import { useMemo, useRef } from 'react';
import type { CSSProperties, PointerEvent } from 'react';
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
import { useBandPlaces } from './useBandPlaces.ts';
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
  const trackRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const longAt = useMemo(() => scale.long.map((i) => scale.markAt(i)), [scale]);
  const places = useBandPlaces(trackRef, measureRef, scale.bands, longAt);
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
        ref={trackRef}
        // With a row between the bands and the marks (thinner bands, shorter marks, the same height)
        // only where a band's name or a long step's duration needs it.
        className={`rt-waterfall-track${places.row ? ' rt-waterfall-track--row' : ''}`}
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
                {/* The whole name where it fits, else a short one, else none here: it is in the row. */}
                {places.bands[i]?.kind !== 'outside' && (
                  <span className="rt-band-text">
                    {places.bands[i]?.kind === 'short' ? info.short : info.label}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        {places.row && (
          // Below the bands: the names of bands too narrow for them, each a tab of its band's colours
          // (in the bands' order, joined by a tick where it sits under its band), and the long steps'
          // durations above their marks. Nothing here overlaps (placeBandLabels).
          <div className="rt-band-row" aria-hidden="true">
            {places.bands.map((place, i) => {
              const band = scale.bands[i];
              if (place.kind !== 'outside' || !band) return null;
              const info = PHASE_INFO[band.phase];
              const colours = { background: info.fill, color: info.ink };
              return [
                place.under && (
                  <span
                    key={`tick-${i}`}
                    className="rt-band-tick"
                    style={{ left: place.anchor, background: info.fill }}
                  />
                ),
                <span
                  key={`outside-${i}`}
                  className="rt-band-outside"
                  data-band={i}
                  title={info.label}
                  style={{ left: place.left, ...colours }}
                >
                  {info.short}
                </span>,
              ];
            })}
            {scale.long.map((step, k) => (
              <span
                key={`long-${step}`}
                className="rt-mark-time"
                style={
                  {
                    left: places.extras[k]?.left ?? 0,
                    '--tick': `${(places.extras[k]?.anchor ?? 0) - (places.extras[k]?.left ?? 0)}px`,
                  } as CSSProperties
                }
              >
                {formatDuration(timeline.steps[step]?.durationMs ?? 0)}
              </span>
            ))}
          </div>
        )}
        <div ref={measureRef} className="rt-band-measure" aria-hidden="true">
          {scale.bands.map((band, i) => [
            <span key={`full-${i}`} className="rt-band-text">
              {PHASE_INFO[band.phase].label}
            </span>,
            <span key={`short-${i}`} className="rt-band-text">
              {PHASE_INFO[band.phase].short}
            </span>,
            <span key={`outside-${i}`} className="rt-band-outside">
              {PHASE_INFO[band.phase].short}
            </span>,
          ])}
          {scale.long.map((step) => (
            <span key={`long-${step}`} className="rt-mark-time">
              {formatDuration(timeline.steps[step]?.durationMs ?? 0)}
            </span>
          ))}
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
      </div>
    </div>
  );
}
