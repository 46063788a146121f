import type { ExportProgress, ExportRequest } from '../ExportRequest.ts';
import { renderScene } from '../scene/renderScene.ts';
import { sceneCredit } from '../scene/sceneCredit.ts';
import { stepLabel } from '../../ui/stepLabel.ts';
import { browserSceneFonts } from './browserSceneFonts.ts';
import { throwIfCancelled } from './stepPictures.ts';

const svgUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * The handout: one block per step of the range (its picture as vector SVG, title, narration and the
 * message in monospace), added to the page for the print stylesheet (export.css) to print alone,
 * then the browser's print dialog (Save as PDF). Pictures are light: they go on paper. Removed
 * after printing.
 */
export async function printHandout(request: ExportRequest, progress: ExportProgress): Promise<void> {
  const { timeline, range } = request;
  document.querySelector('.rt-handout')?.remove();
  const handout = element('section', undefined, 'rt-handout');
  handout.setAttribute('aria-label', 'Handout');
  handout.append(element('h1', sceneCredit(timeline)), element('p', timeline.teaches));
  const count = timeline.steps.length;
  for (let n = range.from; n <= range.to; n++) {
    throwIfCancelled(progress.signal);
    progress.report(n - range.from, range.to - range.from + 1, `Step ${n} of ${count}`);
    const step = timeline.steps[n - 1];
    if (!step) continue;
    const block = element('article', undefined, 'rt-handout-step');
    const picture = element('img');
    picture.alt = `Diagram of step ${n}: ${step.title}`;
    picture.src = svgUrl(
      renderScene({
        timeline,
        step: n - 1,
        progress: 1,
        theme: 'light',
        width: 1280,
        height: 720,
        captions: false,
        fonts: browserSceneFonts(),
      }),
    );
    block.append(
      element('h2', `${stepLabel(n - 1, count)}: ${step.title}`),
      picture,
      element('p', step.narration),
      ...(step.why ? [element('p', `Why it matters: ${step.why}`, 'rt-handout-why')] : []),
      element('pre', step.message.text.replace(/\r\n/g, '\n')),
    );
    handout.append(block);
    // Lets the page paint and the Cancel button answer between steps.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  document.body.append(handout);
  await Promise.all([...handout.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  window.addEventListener('afterprint', () => handout.remove(), { once: true });
  window.print();
}
