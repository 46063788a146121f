import { useSyncExternalStore } from 'react';
import type { Grammar, Token } from './highlight/Token.ts';

type Highlight = (text: string, grammar: Grammar) => Token[];

let highlighter: Highlight | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

/**
 * Fetches the syntax colouring (the lexer and its rules, a chunk of its own, not in the first load) once;
 * every text shown meanwhile is plain and takes its colours when it arrives.
 */
export function loadHighlighter(): Promise<void> {
  loading ??= import('./highlight/highlight.ts').then(
    (m) => {
      highlighter = m.highlight;
      for (const wake of waiting) wake();
    },
    () => {
      // Without it the text stays plain; a later message tries again.
      loading = null;
    },
  );
  return loading;
}

const subscribe = (wake: () => void) => {
  waiting.add(wake);
  void loadHighlighter();
  return () => waiting.delete(wake);
};
const current = () => highlighter;
const plain: Highlight = (text) => [{ kind: 'plain', text }];

/** The highlighter, or plain text until its chunk has arrived (asking for it). */
export function useHighlighter(): Highlight {
  return useSyncExternalStore(subscribe, current, current) ?? plain;
}
