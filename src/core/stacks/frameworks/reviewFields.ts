import type { JsonBody } from '../../protocols/jsonBody.ts';

/** A review's request body as a framework's validator sees it. */
export interface ReviewFields {
  /** Whether the body parses as JSON. */
  readonly isJson: boolean;
  /** Whether it is a JSON object (and not an array, a string, a number, true, false or null). */
  readonly isObject: boolean;
  /** The parsed value, or undefined when the body is not JSON. */
  readonly parsed: unknown;
  /** The object's fields; empty when it is not an object. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A review's body (parsed once by the app) as the framework-specific validation messages read it. */
export function reviewFields(body: JsonBody): ReviewFields {
  if (!body.parses) return { isJson: false, isObject: false, parsed: undefined, fields: {} };
  const parsed = body.value;
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return { isJson: true, isObject, parsed, fields: isObject ? (parsed as Record<string, unknown>) : {} };
}

/** Length in Unicode code points, as Python, PHP's mb_strlen and Ruby count a string. */
export const codePoints = (s: string): number => [...s].length;
