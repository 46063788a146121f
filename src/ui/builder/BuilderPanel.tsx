import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { SCENARIOS } from '../../core/index.ts';
import type { DataCentre, Place } from '../../core/index.ts';
import {
  BUILD_FAULTS,
  buildLosses,
  buildProblems,
  DEFAULT_PODS,
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
  ['typo', 'GET a mistyped path (404)'],
  ['noauth', 'POST a review without a token (401)'],
  ['invalid', 'POST a review with rating 9 (invalid)'],
];
const PLACES: readonly (readonly [Place | '', string])[] = [
  ['', 'Not set (fixed latencies)'],
  ['same-city', 'Frankfurt'],
  ['same-continent', 'Madrid'],
  ['other-continent', 'São Paulo'],
  ['satellite', 'A ship, by satellite'],
];
const SERVERS: readonly (readonly [DataCentre, string])[] = [
  ['frankfurt', 'Frankfurt'],
  ['ashburn', 'Ashburn, Virginia'],
  ['sao-paulo', 'São Paulo'],
  ['singapore', 'Singapore'],
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
  cluster: 'Kubernetes',
  app: 'App server',
  database: 'Database',
};
const FAULTS = Object.keys(BUILD_FAULTS) as BuildFault[];

/** Whether a change would clash with the other choices (its control is then disabled). */
const clashes = (spec: BuildSpec, change: Partial<BuildSpec>) =>
  buildProblems({ ...spec, ...change }).length > 0;

/** "a, b and c". */
const listOf = (items: readonly string[]): string =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

/** One labelled select; `value` '' stands for null where the choice can be unset. */
function ChoiceRow<V extends string>({
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  disabled?: (value: V) => boolean;
  onChange: (value: V) => void;
}) {
  return (
    <label className="rt-builder-row">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v} disabled={disabled?.(v) ?? false}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One checkbox with its words. */
function Check({
  label,
  checked,
  disabled = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
}

/**
 * The builder: plain controls over a scenario's parts, places, caches and fault. Every change plays at
 * once (the diagram follows); the result is an ordinary scenario with a `build=` link. Keys pressed inside
 * stay inside it; Esc closes it.
 */
export function BuilderPanel({ onClose }: { onClose: () => void }) {
  const { spec, unchanged, change, startFrom } = useBuildSpec();
  const losses = unchanged ? buildLosses(unchanged) : [];
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
  // On Kubernetes the replicas are the Deployment's pods (three unless set).
  const count = spec.replicas || (spec.kubernetes ? DEFAULT_PODS : MIN_REPLICAS);
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
      <ChoiceRow
        label="Start from"
        value=""
        options={[['', 'Choose a scenario…'], ...SCENARIOS.map((s) => [s.id, s.title] as const)]}
        disabled={(id) => id === ''}
        onChange={startFrom}
      />
      <ChoiceRow
        label="Request"
        value={spec.request}
        options={REQUESTS}
        disabled={(request) => clashes(spec, { request })}
        onChange={(request) => change({ request })}
      />
      <fieldset className="rt-builder-group">
        <legend>Architecture</legend>
        <Check label="HTTPS" checked={spec.https} onChange={(https) => change({ https })} />
        <Check label="CDN" checked={spec.cdn} onChange={(cdn) => change({ cdn })} />
        <Check label="App cache" checked={spec.appCache} onChange={(appCache) => change({ appCache })} />
        <Check
          label="Load balancer"
          checked={spec.replicas > 0}
          onChange={(on) => change({ replicas: on ? 3 : 0 })}
        />
        <Check
          label="Kubernetes"
          checked={spec.kubernetes}
          disabled={!spec.kubernetes && clashes(spec, { kubernetes: true })}
          onChange={(kubernetes) => change({ kubernetes })}
        />
        <label>
          {spec.kubernetes ? 'Pods' : 'Replicas'}
          <input
            type="number"
            min={MIN_REPLICAS}
            max={MAX_REPLICAS}
            disabled={spec.replicas === 0 && !spec.kubernetes}
            value={count}
            onChange={(e) => {
              const n = Math.round(Number(e.currentTarget.value));
              if (n >= MIN_REPLICAS && n <= MAX_REPLICAS) change({ replicas: n });
            }}
          />
        </label>
        {spec.kubernetes ? (
          <p className="rt-builder-note">
            On Kubernetes the replicas are the Deployment&rsquo;s pods behind the Service shop-api:
            ingress-nginx sends to the ready ones itself, with no HAProxy.
          </p>
        ) : null}
      </fieldset>
      <ChoiceRow
        label="Users"
        value={spec.user ?? ''}
        options={PLACES}
        onChange={(user) => change({ user: user || null })}
      />
      <ChoiceRow
        label="Servers"
        value={spec.servers}
        options={SERVERS}
        disabled={(servers) => clashes(spec, { servers })}
        onChange={(servers) => change({ servers })}
      />
      <fieldset className="rt-builder-group">
        <legend>Warm before the request</legend>
        {WARM_THINGS.map((thing) => (
          <Check
            key={thing}
            label={WARM[thing]}
            checked={spec.warm.has(thing)}
            disabled={!spec.warm.has(thing) && clashes(spec, { warm: new Set([...spec.warm, thing]) })}
            onChange={(on) => toggleWarm(thing, on)}
          />
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
      {unchanged ? (
        <p className="rt-builder-note" role="note">
          Showing &ldquo;{unchanged.title}&rdquo; as it is.{' '}
          {losses.length
            ? `A change makes it a build, which cannot keep ${listOf(losses)}.`
            : 'A change makes it a build of the same journey.'}
        </p>
      ) : null}
      <p className="rt-builder-code">
        Link: <code>{unchanged ? `scenario=${unchanged.id}` : `build=${encodeBuild(spec)}`}</code>
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
