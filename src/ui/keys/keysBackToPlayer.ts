import type { ChangeEvent, MouseEvent } from 'react';

const inDialog = (element: Element) => element.closest('[role="dialog"]') !== null;

/**
 * Handlers for the player's root (tabindex -1) that give it the keyboard back after a choice, so a
 * presenter's clicker steps the request instead of the control last clicked: after a pointer click on
 * a button or checkbox (a keyboard user's Tab + Space still presses the focused button), and after
 * any choice in a list (the Scenario, Language, Database, Speed, Pace or Theme select). Controls in a
 * dialog, and buttons that open one (aria-haspopup: focus returns to them when it closes), keep it.
 */
export const keysBackToPlayer = {
  onClick(event: MouseEvent<HTMLElement>): void {
    const target = event.target instanceof Element ? event.target : null;
    const control = target?.closest('button, input[type="checkbox"]');
    // detail 0: a click from the keyboard (Space or Enter on a focused button) keeps its focus.
    if (event.detail === 0 || !control || inDialog(control) || control.hasAttribute('aria-haspopup')) return;
    event.currentTarget.focus({ preventScroll: true });
  },
  onChange(event: ChangeEvent<HTMLElement>): void {
    const target = event.target as Element;
    if (target.tagName !== 'SELECT' || inDialog(target)) return;
    event.currentTarget.focus({ preventScroll: true });
  },
};
