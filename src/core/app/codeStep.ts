import { internal } from '../journey/EngineContext.ts';
import type { CodeMark } from '../stacks/types.ts';
import type { AppContext } from './AppContext.ts';
import { codeAt } from './AppContext.ts';

/**
 * A step of work inside the app server, showing the handler's line at `mark` (its text is that
 * line of code, or the title when the handler has no such line).
 */
export function codeStep(
  ctx: AppContext,
  id: string,
  cost: number,
  title: string,
  narration: string,
  why: string | null,
  mark: CodeMark,
): void {
  const code = codeAt(ctx, mark);
  ctx.b.local(ctx.app, cost, {
    id,
    phase: 'server',
    title,
    narration,
    ...(why ? { why } : {}),
    message: internal(title, code ? (code.source.split('\n')[code.line - 1]?.trim() ?? title) : title, code),
  });
}
