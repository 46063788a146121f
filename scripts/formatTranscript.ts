import type { Timeline } from '../src/core/index.ts';

const indent = (text: string): string =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');

/** A plain-text handout: every step with its time, hop, narration and message. */
export function formatTranscript(t: Timeline): string {
  const name = new Map(t.nodes.map((n) => [n.id, n.name]));
  const lines = [`${t.title} (${t.scenario}) — ${t.stack.lang} + ${t.stack.db}`, t.teaches, ''];
  for (const s of t.steps) {
    const hop = s.from === s.to ? `at ${name.get(s.from)}` : `${name.get(s.from)} → ${name.get(s.to)}`;
    lines.push(
      `${String(s.index + 1).padStart(3)}. [${s.phase}] ${s.title}  (${s.startMs.toFixed(3)} ms, +${s.durationMs} ms, ${hop})`,
    );
    lines.push(`     ${s.narration}`);
    if (s.why) lines.push(`     Why it matters: ${s.why}`);
    lines.push(indent(s.message.text), '');
  }
  lines.push(`Outcome: ${t.outcome.summary}`, '');
  return lines.join('\n');
}
