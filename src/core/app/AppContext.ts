import type { CodeView, Header, HttpRequest, HttpResponse } from '../model/messages.ts';
import type { EngineContext } from '../engine/EngineContext.ts';
import { httpResponse } from '../protocols/http.ts';
import { httpDate } from '../protocols/httpDate.ts';
import type { CodeMark, HandlerOp } from '../stacks/types.ts';

/** The engine's context plus what the app server knows about the request it is handling. */
export interface AppContext extends EngineContext {
  readonly request: HttpRequest;
  /** The handler operation, once the router has matched one. */
  readonly op: HandlerOp | null;
}

/** The handler's source with `mark`'s line as the running line, or undefined when the handler has no such line. */
export function codeAt(ctx: AppContext, mark: CodeMark): CodeView | undefined {
  if (!ctx.op) return undefined;
  const { profile, stack, scenario } = ctx;
  const handler = profile.handler(ctx.op, stack.db, scenario.topology.appCache && ctx.op === 'getProduct');
  const line = handler.marks[mark];
  if (line === undefined) return undefined;
  return {
    language: profile.syntax,
    framework: profile.framework,
    file: handler.file,
    source: handler.source,
    line,
  };
}

/** A JSON response as this stack's framework sends it, dated now. */
export function jsonResponse(
  ctx: AppContext,
  status: number,
  body: unknown,
  extra: readonly Header[] = [],
): HttpResponse {
  return httpResponse(
    status,
    [
      ...ctx.profile.defaultHeaders,
      ['Content-Type', 'application/json; charset=utf-8'],
      ...extra,
      ['Date', httpDate(ctx.b.now())],
    ],
    JSON.stringify(body),
  );
}
