import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { SCENARIOS } from '../../core/index.ts';
import type { Place } from '../../core/index.ts';
import {
  BUILD_FAULTS,
  buildProblems,
  encodeBuild,
  FAULT_HOPS,
  MAX_REPLICAS,
  MIN_REPLICAS,
  WARM_THINGS,
} from '../../core/builder.ts';
import type { BuildFault, BuildRequest, BuildSpec, FaultHop, WarmThing } from '../../core/builder.ts';
import { usePlayerStore } from '../../store/react.ts';
import '../styles/builder.css';
import { useBuildSpec } from './useBuildSpec.ts';

/** How the player reads build codes, for the page to hand over when a link carries one (same chunk). */
export { resolveBuild } from '../../core/builder.ts';

const REQUESTS: readonly (readonly [BuildRequest, string])[] = [
  ['product', 'GET a product (JSON)'],
  ['review', 'POST a review'],
  ['search', 'Search by SKU'],
  ['stylesheet', 'GET the stylesheet'],
];
const PLACES: readonly (readonly [Place | '', string])[] = [
  ['', 'Not set (fixed latencies)'],
  ['same-city', 'Same city (Frankfurt)'],
  ['same-continent', 'Same continent (Madrid)'],
  ['other-continent', 'Other continent (São Paulo)'],
  ['satellite', 'Satellite link'],
];
const WARM: Readonly<Record<WarmThing, string>> = {
  browserHttp: 'Browser HTTP cache (stale copy)',
  browserDns: 'Browser DNS cache',
  resolver: 'Resolver cache',
  cdn: 'CDN cache',
  appCache: 'App cache (Redis)',
  connection: 'Connection already open',
};
const HOPS: Readonly<Record<FaultHop, string>> = {
  dns: 'DNS',
  network: 'Network',
  tls: 'TLS',
  balancer: 'Load balancer',
  app: 'App server',
  database: 'Database',
};
const FAULTS = Object.keys(BUILD_FAULTS) as BuildFault[];

/** Whether a change would clash with the other choices (its control is then disabled). */
const clashes = (spec: BuildSpec, change: Partial<BuildSpec>) =>
  buildProblems({ ...spec, ...change }).length > 0;

/**
 * The builder: plain controls over a scenario's parts, places, caches and fault. Every change plays at
 * once (the diagram follows); the result is an ordinary scenario with a `build=` link. Keys pressed inside
 * stay inside it; Esc closes it.
 */
export function BuilderPanel({ onClose }: { onClose: () => void }) {
  const [spec, change, startFrom] = useBuildSpec();
  const store = usePlayerStore();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLElement>('select, input')?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  const toggleWarm = (thing: WarmThing, on: boolean) => {
    const warm = new Set(spec.warm);
    if (on) warm.add(thing);
    else warm.delete(thing);
    change({ warm });
  };
  return (
    <div
      ref={panel}
      className="rt-builder"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId} className="rt-builder-title">
        Customize
      </h2>
      <label className="rt-builder-row">
        <span>Start from</span>
        <select value="" onChange={(e) => startFrom(e.currentTarget.value)}>
          <option value="" disabled>
            Choose a scenario…
          </option>
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label className="rt-builder-row">
        <span>Request</span>
        <select
          value={spec.request}
          onChange={(e) => change({ request: e.currentTarget.value as BuildRequest })}
        >
          {REQUESTS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="rt-builder-group">
        <legend>Architecture</legend>
        <label>
          <input
            type="checkbox"
            checked={spec.https}
            onChange={(e) => change({ https: e.currentTarget.checked })}
          />
          HTTPS
        </label>
        <label>
          <input
            type="checkbox"
            checked={spec.cdn}
            onChange={(e) => change({ cdn: e.currentTarget.checked })}
          />
          CDN
        </label>
        <label>
          <input
            type="checkbox"
            checked={spec.appCache}
            onChange={(e) => change({ appCache: e.currentTarget.checked })}
          />
          App cache
        </label>
        <label>
          <input
            type="checkbox"
            checked={spec.replicas > 0}
            onChange={(e) => change({ replicas: e.currentTarget.checked ? 3 : 0 })}
          />
          Load balancer
        </label>
        <label>
          Replicas
          <input
            type="number"
            min={MIN_REPLICAS}
            max={MAX_REPLICAS}
            disabled={spec.replicas === 0}
            value={spec.replicas || MIN_REPLICAS}
            onChange={(e) => {
              const n = Math.round(Number(e.currentTarget.value));
              if (n >= MIN_REPLICAS && n <= MAX_REPLICAS) change({ replicas: n });
            }}
          />
        </label>
      </fieldset>
      <label className="rt-builder-row">
        <span>Users</span>
        <select
          value={spec.user ?? ''}
          onChange={(e) => change({ user: (e.currentTarget.value || null) as Place | null })}
        >
          {PLACES.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="rt-builder-group">
        <legend>Warm before the request</legend>
        {WARM_THINGS.map((thing) => (
          <label key={thing}>
            <input
              type="checkbox"
              checked={spec.warm.has(thing)}
              disabled={!spec.warm.has(thing) && clashes(spec, { warm: new Set([...spec.warm, thing]) })}
              onChange={(e) => toggleWarm(thing, e.currentTarget.checked)}
            />
            {WARM[thing]}
          </label>
        ))}
      </fieldset>
      <label className="rt-builder-row">
        <span>Fault</span>
        <select
          value={spec.fault ?? ''}
          onChange={(e) => change({ fault: (e.currentTarget.value || null) as BuildFault | null })}
        >
          <option value="">None</option>
          {FAULT_HOPS.map((hop) => (
            <optgroup key={hop} label={HOPS[hop]}>
              {FAULTS.filter((f) => BUILD_FAULTS[f].hop === hop).map((f) => (
                <option key={f} value={f} disabled={clashes(spec, { fault: f })}>
                  {BUILD_FAULTS[f].label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p className="rt-builder-code">
        Link: <code>build={encodeBuild(spec)}</code>
      </p>
      <div className="rt-builder-actions">
        <button
          type="button"
          className="rt-button rt-button--small"
          onClick={() => {
            store.getState().setBuild(null);
            onClose();
          }}
        >
          Back to the scenario
        </button>
        <button type="button" className="rt-button rt-button--small" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
