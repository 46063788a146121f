/** What a key press asks the player to do. */
export type KeyAction =
  'next' | 'prev' | 'toggle' | 'first' | 'last' | 'restart' | 'fullscreen' | 'help' | 'close';

/** The key press and where it happened, reduced to what the decision needs. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** The focused element's tag ("INPUT", "BUTTON"...), its type attribute and role, if any. */
  readonly tagName: string;
  readonly type: string | null;
  readonly role: string | null;
  readonly editable: boolean;
}

const KEYS: Readonly<Record<string, KeyAction>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  Enter: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  Backspace: 'prev',
  ' ': 'toggle',
  Home: 'first',
  End: 'last',
  Escape: 'close',
  '?': 'help',
};

const LETTERS: Readonly<Record<string, KeyAction>> = {
  n: 'next',
  p: 'prev',
  k: 'toggle',
  r: 'restart',
  f: 'fullscreen',
};

const ACTIVATES = new Set(['Enter', ' ']);
/** What a presenter's clicker sends: they step the request even from a closed list. */
const CLICKER = new Set(['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'PageUp', 'PageDown']);
const CHOOSES = new Set([
  'ArrowRight',
  'ArrowDown',
  'ArrowLeft',
  'ArrowUp',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * The presenter key map of PRODUCT.md §5. Leaves alone: shortcuts with Ctrl, ⌘ or Alt; typing in
 * fields; other keys than the clicker's (arrows, PageUp/PageDown) in a closed select (Space, Alt+↓
 * open its list, whose keys never reach the page); Enter and Space on buttons and links (they click); arrows on radio
 * buttons (they choose); and `b`, `.` and `/`, which slide decks use. `letters: false` (keys=0) turns
 * the single-letter keys off.
 */
export function keyAction(press: KeyPress, letters = true): KeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return 'close';
  const tag = press.tagName.toUpperCase();
  const type = (press.type ?? '').toLowerCase();
  const isToggle = tag === 'INPUT' && (type === 'checkbox' || type === 'radio');
  // A closed list does not take the clicker's keys (an open one gets them before the page does).
  if (tag === 'SELECT' && CLICKER.has(press.key)) return KEYS[press.key] ?? null;
  if (press.editable || tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && !isToggle)) return null;
  const clickable =
    tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || isToggle || press.role === 'button';
  if (clickable && ACTIVATES.has(press.key)) return null;
  if (type === 'radio' && CHOOSES.has(press.key)) return null;
  const named = KEYS[press.key];
  if (named) return named;
  return letters && press.key.length === 1 ? (LETTERS[press.key.toLowerCase()] ?? null) : null;
}
