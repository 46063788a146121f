import type { Step } from '../core/index.ts';

/** The picture sizes the menu offers; the command line takes any WxH within MAX_SIZE. */
export const EXPORT_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
export const DEFAULT_SIZE = { width: 1920, height: 1080 } as const;
export const MAX_SIZE = { width: 7680, height: 4320 } as const;

export interface ExportSize {
  readonly width: number;
  readonly height: number;
}

/** A 1-based, inclusive range of steps, as a teacher writes it ("3-12"). */
export interface StepRange {
  readonly from: number;
  readonly to: number;
}

/** "1920x1080" (or ×) to a size, or a sentence saying why not. */
export function parseSize(text: string): ExportSize | string {
  const match = /^(\d{2,5})[x×](\d{2,5})$/.exec(text.trim());
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || width < 16 || height < 16 || width > MAX_SIZE.width || height > MAX_SIZE.height)
    return `Size "${text}" is not WIDTHxHEIGHT between 16x16 and ${MAX_SIZE.width}x${MAX_SIZE.height} (e.g. 1920x1080)`;
  return { width, height };
}

/** "3-12" or "7" to a range within 1..count, or a sentence saying why not. */
export function parseRange(text: string, count: number): StepRange | string {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = match?.[2] === undefined ? from : Number(match[2]);
  if (!match || from < 1 || to < from || to > count)
    return `Steps "${text}" is not a range within 1-${count} (e.g. 3-12)`;
  return { from, to };
}

/** "01-browser-start.png": the step's number, padded so files sort in order, and its id. */
export function stepFileName(step: Step, count: number, extension: string): string {
  const digits = Math.max(2, String(count).length);
  return `${String(step.index + 1).padStart(digits, '0')}-${step.id}.${extension}`;
}
