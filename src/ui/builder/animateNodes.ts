import { loadMotion } from '../motion/loadMotion.ts';

/** Where each node of the diagram is on screen now, by node id (React Flow's `data-id`). */
export function nodePlaces(): Map<string, DOMRect> {
  const places = new Map<string, DOMRect>();
  for (const node of document.querySelectorAll<HTMLElement>('.rt-diagram .react-flow__node[data-id]'))
    places.set(node.dataset['id'] ?? '', node.getBoundingClientRect());
  return places;
}

/**
 * After the diagram has been laid out again (a part added or removed in the builder), every node that was
 * there slides from where it was into its new place and a new one fades in (motion, loaded on first use):
 * the node's card moves, React Flow's own wrapper keeps its position.
 */
export function animateNodes(before: ReadonlyMap<string, DOMRect>): void {
  requestAnimationFrame(() => {
    const nodes = [...document.querySelectorAll<HTMLElement>('.rt-diagram .react-flow__node[data-id]')];
    void loadMotion().then(({ animate }) => {
      for (const node of nodes) {
        const card = node.firstElementChild;
        if (!(card instanceof HTMLElement)) continue;
        const was = before.get(node.dataset['id'] ?? '');
        const now = node.getBoundingClientRect();
        if (!was) {
          animate(card, { opacity: [0, 1], transform: ['scale(0.85)', 'scale(1)'] }, { duration: 0.35 });
          continue;
        }
        const dx = was.left - now.left;
        const dy = was.top - now.top;
        if (Math.abs(dx) + Math.abs(dy) < 1) continue;
        animate(
          card,
          { transform: [`translate(${dx}px, ${dy}px)`, 'translate(0, 0)'] },
          { duration: 0.35, ease: 'easeOut' },
        );
      }
    });
  });
}
