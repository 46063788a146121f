/**
 * The parts of motion the UI uses, and only those, so the lazy chunk holds no more of the library:
 * motion/mini's `animate` (Web Animations on an element: panels and dialogs entering) and
 * `animateValue` (a number tweened on motion's frame loop: the camera's move between hops).
 */
export { animate } from 'motion/mini';
export { animateValue } from 'motion';
