/** A request body and what JSON.parse makes of it, parsed once for the whole app (router, validation, frameworks). */
export interface JsonBody {
  /** The body as it arrived. */
  readonly text: string;
  /** Whether it parses as JSON (an empty body does not). */
  readonly parses: boolean;
  /** The parsed value, or undefined when it does not parse. */
  readonly value: unknown;
}

/** Parses `text` as JSON, once. */
export function jsonBody(text: string): JsonBody {
  try {
    return { text, parses: true, value: JSON.parse(text) };
  } catch {
    return { text, parses: false, value: undefined };
  }
}
