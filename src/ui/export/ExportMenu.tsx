import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { EXPORT_ITEMS } from '../../export/exportItems.ts';
import { DEFAULT_SIZE, EXPORT_SIZES } from '../../export/exportOptions.ts';
import { usePlayerStore } from '../../store/react.ts';
import '../styles/export.css';
import { exportTheme } from './exportTheme.ts';
import { useExportJob } from './useExportJob.ts';

const sizeKey = (s: { width: number; height: number }) => `${s.width}x${s.height}`;
const MENU_KEYS = new Set([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * The export panel: size and step range, the menu of exports, and a running export's progress with
 * Cancel. Keys pressed inside it stay inside it (the presenter keys do not step the player).
 */
export function ExportMenu({ onClose }: { onClose: () => void }) {
  const store = usePlayerStore();
  const count = store.getState().timeline.steps.length;
  const [size, setSize] = useState(sizeKey(DEFAULT_SIZE));
  const [from, setFrom] = useState(1);
  const [to, setTo] = useState(count);
  const { state, start, cancel } = useExportJob();
  const menu = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (state.kind === 'running') cancel();
      else onClose();
      return;
    }
    if (!MENU_KEYS.has(event.key)) return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? items.length - 1
          : event.key === 'ArrowDown'
            ? (at + 1) % items.length
            : event.key === 'ArrowUp'
              ? (at - 1 + items.length) % items.length
              : at;
    items[next]?.focus();
  };

  const choose = (item: (typeof EXPORT_ITEMS)[number]) => {
    const s = store.getState();
    const picked = EXPORT_SIZES.find((e) => sizeKey(e) === size) ?? DEFAULT_SIZE;
    const low = Math.min(Math.max(1, from), count);
    const high = Math.min(Math.max(low, to), count);
    void start(item.id, item.label, {
      timeline: s.timeline,
      step: s.playback.step,
      progress: s.playback.motion ? s.playback.progress : 1,
      theme: exportTheme(s.theme),
      size: picked,
      range: item.ranged ? { from: low, to: high } : { from: s.playback.step + 1, to: s.playback.step + 1 },
      link: window.location.href,
    });
  };

  const running = state.kind === 'running';
  return (
    <div className="rt-export-panel" role="dialog" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <h2 id={titleId} className="rt-export-title">
        Export
      </h2>
      <div className="rt-export-options">
        <label>
          Size
          <select value={size} onChange={(e) => setSize(e.target.value)} disabled={running}>
            {EXPORT_SIZES.map((s) => (
              <option key={sizeKey(s)} value={sizeKey(s)}>
                {s.width}×{s.height}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Steps (zip, GIF, video, PowerPoint)</legend>
          <label>
            From step
            <input
              type="number"
              min={1}
              max={count}
              value={from}
              disabled={running}
              onChange={(e) => setFrom(Number(e.target.value))}
            />
          </label>
          <label>
            To step
            <input
              type="number"
              min={1}
              max={count}
              value={to}
              disabled={running}
              onChange={(e) => setTo(Number(e.target.value))}
            />
          </label>
        </fieldset>
      </div>
      <div ref={menu} className="rt-export-menu" role="menu" aria-label="Export as">
        {EXPORT_ITEMS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={running}
            onClick={() => running || choose(item)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {running && (
        <div className="rt-export-progress">
          <div
            role="progressbar"
            aria-label={`${state.label} progress`}
            aria-valuemin={0}
            aria-valuemax={state.total}
            aria-valuenow={state.done}
            aria-valuetext={state.what}
          >
            <div
              className="rt-export-bar"
              style={{ width: `${(100 * state.done) / Math.max(1, state.total)}%` }}
            />
          </div>
          <span>{state.what}</span>
          <button type="button" className="rt-button rt-button--small" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'done' && <p role="status">{state.message}</p>}
      {state.kind === 'failed' && (
        <p role="alert" className="rt-export-error">
          {state.message}
        </p>
      )}
      <button type="button" className="rt-button rt-button--small rt-export-close" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
