import PptxGenJS from 'pptxgenjs';
import type { Timeline } from '../../core/index.ts';
import type { StepRange } from '../exportOptions.ts';
import { stackName } from '../scene/sceneCredit.ts';
import { stepLink } from '../stepLink.ts';
import { stepLabel } from '../../ui/stepLabel.ts';
import { stepNotes } from './stepNotes.ts';

export interface PptxInput {
  readonly timeline: Timeline;
  readonly range: StepRange;
  /** The page the end slide links to (its hash is replaced). */
  readonly link: string;
  /** A step's picture (0-based index) as a PNG data: URL, 16:9, without the caption. */
  readonly picture: (step: number) => Promise<string>;
  readonly onStep?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** 16:9 slides of 10 × 5.625 inches; everything is text, a picture and notes, which Google Slides and Keynote import. */
const W = 10;
const FONT = 'Arial';

/**
 * The deck: a title slide (scenario, what it teaches, stack), one slide per step of the range with
 * its picture, title and narration, speaker notes holding the narration, why it matters and the
 * message text, and an end slide with the outcome and a link to the last step in Roundtrip. Only
 * PptxGenJS's plain text, image and notes, nothing a slide tool may drop on import.
 */
export async function buildPptx(input: PptxInput): Promise<Uint8Array> {
  const { timeline, range } = input;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = `${timeline.title} — Roundtrip`;
  pptx.author = 'Roundtrip';

  const title = pptx.addSlide();
  title.addText(timeline.title, {
    x: 0.6,
    y: 1.4,
    w: W - 1.2,
    h: 1,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
  });
  title.addText(timeline.teaches, { x: 0.6, y: 2.5, w: W - 1.2, h: 1.2, fontFace: FONT, fontSize: 22 });
  title.addText(`Stack: ${stackName(timeline)} · Roundtrip`, {
    x: 0.6,
    y: 4.2,
    w: W - 1.2,
    h: 0.5,
    fontFace: FONT,
    fontSize: 16,
    color: '555555',
  });
  title.addNotes(`${timeline.title}: ${timeline.teaches}`);

  const count = timeline.steps.length;
  for (let n = range.from; n <= range.to; n++) {
    if (input.signal?.aborted) throw new DOMException('The export was cancelled', 'AbortError');
    input.onStep?.(n - range.from, range.to - range.from + 1);
    const step = timeline.steps[n - 1];
    if (!step) continue;
    const slide = pptx.addSlide();
    slide.addText(`${stepLabel(n - 1, count)}: ${step.title}`, {
      x: 0.3,
      y: 0.12,
      w: W - 0.6,
      h: 0.5,
      fontFace: FONT,
      fontSize: 22,
      bold: true,
    });
    // 16:9 picture, 4.1 inches high, centred.
    const h = 4.1;
    slide.addImage({
      data: await input.picture(n - 1),
      x: (W - (h * 16) / 9) / 2,
      y: 0.65,
      w: (h * 16) / 9,
      h,
    });
    slide.addText(step.narration, {
      x: 0.3,
      y: 4.8,
      w: W - 0.6,
      h: 0.75,
      fontFace: FONT,
      fontSize: 13,
      valign: 'top',
      fit: 'shrink',
    });
    slide.addNotes(stepNotes(step));
  }

  const end = pptx.addSlide();
  const url = stepLink(input.link, timeline, range.to);
  end.addText(timeline.outcome.summary, {
    x: 0.6,
    y: 1.4,
    w: W - 1.2,
    h: 1,
    fontFace: FONT,
    fontSize: 32,
    bold: true,
  });
  end.addText(`${timeline.title} · ${stackName(timeline)}`, {
    x: 0.6,
    y: 2.5,
    w: W - 1.2,
    h: 0.6,
    fontFace: FONT,
    fontSize: 20,
  });
  end.addText([{ text: 'Open this step in Roundtrip', options: { hyperlink: { url } } }], {
    x: 0.6,
    y: 3.4,
    w: W - 1.2,
    h: 0.6,
    fontFace: FONT,
    fontSize: 18,
  });
  end.addText(url, { x: 0.6, y: 4.0, w: W - 1.2, h: 0.6, fontFace: FONT, fontSize: 12, color: '555555' });
  end.addNotes(`Outcome: ${timeline.outcome.summary}\nRoundtrip: ${url}`);
  input.onStep?.(range.to - range.from + 1, range.to - range.from + 1);
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
