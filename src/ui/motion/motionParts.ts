/**
 * The parts of motion the UI uses, and only those, so the lazy chunk holds no more of the library:
 * motion/mini's `animate`, Web Animations on an element (panels and dialogs entering, the builder's
 * machines, and the camera's move between hops, a transform of React Flow's viewport).
 */
export { animate } from 'motion/mini';
