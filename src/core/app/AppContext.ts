import type { CodeView, HttpRequest, HttpResponse } from '../model/messages.ts';
import type { JsonBody } from '../protocols/jsonBody.ts';
import type { EngineContext } from '../journey/EngineContext.ts';
import type { Answer } from '../stacks/frameworks/Framework.ts';
import type { CodeMark, HandlerOp } from '../stacks/types.ts';

/** The engine's context plus what the app server knows about the request it is handling. */
export interface AppContext extends EngineContext {
  readonly request: HttpRequest;
  /** The request's body and its JSON parse, done once. */
  readonly body: JsonBody;
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

/**
 * The response this stack's framework sends for `answer`, dated now: the profile's response hook decides
 * status, headers and body, so nothing here is one framework's habit.
 */
export function respond(ctx: AppContext, answer: Answer): HttpResponse {
  return ctx.profile.response.respond(answer, ctx.request, ctx.b.now());
}

/** The framework's own sentence about the response it sends for `answer` (empty when there is nothing to add). */
export function explain(ctx: AppContext, answer: Answer): string {
  return ctx.profile.response.explain(answer, respond(ctx, answer));
}
