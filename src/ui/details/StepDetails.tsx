import { useEffect, useMemo } from 'react';
import { formatDuration, nodeStateAt } from '../../core/index.ts';
import { selectStepIndex, selectTimeline, usePlayer } from '../../store/react.ts';
import { breakableText } from '../breakable.tsx';
import { PHASE_INFO } from '../phaseInfo.ts';
import { MessageView } from './MessageView.tsx';
import { NodeStateTable } from './NodeStateTable.tsx';
import { protocolLabel } from './protocolLabel.ts';
import { loadHighlighter } from './useHighlighter.ts';

/**
 * Everything about the current step: narration, why it matters, the message as a person would read
 * it, and what the nodes involved know afterwards. Depends only on the step index, so it is the same
 * whether the step was reached by playing, stepping or seeking.
 */
export function StepDetails() {
  const timeline = usePlayer(selectTimeline);
  const index = usePlayer(selectStepIndex);
  const knowledge = useMemo(() => nodeStateAt(timeline, index), [timeline, index]);
  // The syntax colouring's chunk is fetched a second after the details show, before a message needs it.
  useEffect(() => {
    const warm = setTimeout(() => void loadHighlighter(), 1000);
    return () => clearTimeout(warm);
  }, []);
  const step = timeline.steps[index];
  if (!step) return <section className="rt-details" aria-label="Step details" />;
  const node = (id: string) => timeline.nodes.find((n) => n.id === id);
  const name = (id: string) => node(id)?.name ?? id;
  const from = node(step.from);
  const to = node(step.to);
  const hop = step.from !== step.to && from && to ? ([from.kind, to.kind] as const) : null;
  const involved = step.from === step.to ? [step.from] : [step.from, step.to];
  const phase = PHASE_INFO[step.phase];
  return (
    <section className="rt-details" aria-label="Step details">
      {/* The step's number is in the counter below the diagram, once on screen. */}
      <p className="rt-kicker">
        <span className="rt-phase-tag" style={{ background: phase.fill, color: phase.ink }}>
          {phase.label}
        </span>
      </p>
      <h2 className="rt-details-title">{step.title}</h2>
      <p className="rt-meta">
        {step.from === step.to ? `Inside ${name(step.from)}` : `${name(step.from)} → ${name(step.to)}`} · at{' '}
        {formatDuration(step.startMs)} · takes {formatDuration(step.durationMs)}
      </p>
      {/* A URL wraps after its dots and slashes, not inside "42" (the column's last resort). */}
      <p className="rt-narration">{breakableText(step.narration)}</p>
      {step.why && (
        <aside className="rt-why" aria-label="Why it matters">
          <strong>Why it matters</strong>
          <span>{step.why}</span>
        </aside>
      )}
      <h3 className="rt-h3">
        Message <span className="rt-tag">{protocolLabel(step.message, hop)}</span>
      </h3>
      <p className="rt-summary">{breakableText(step.message.summary)}</p>
      <MessageView message={step.message} />
      <h3 className="rt-h3">What {involved.length === 1 ? 'the node knows' : 'the nodes know'} now</h3>
      {involved.map((id) => (
        <NodeStateTable
          key={id}
          caption={name(id)}
          state={knowledge[id] ?? {}}
          changes={step.changes.filter((c) => c.node === id)}
        />
      ))}
    </section>
  );
}
