import { useEffect } from 'react';
import { usePlayerStore } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { toggleFullscreen } from '../fullscreen.ts';
import { keyAction } from './keyAction.ts';
import type { KeyAction } from './keyAction.ts';

const perform = (action: KeyAction, s: PlayerState) => {
  switch (action) {
    case 'next':
      return s.next();
    case 'prev':
      return s.prev();
    case 'toggle':
      return s.toggle();
    case 'first':
      return s.seekStep(0);
    case 'last':
      return s.seekEnd();
    case 'restart':
      return s.restart();
    case 'fullscreen':
      return toggleFullscreen();
    case 'help':
      return s.setOverlay(s.overlay === 'help' ? null : 'help');
    case 'close':
      if (s.overlay) return s.setOverlay(null);
      return s.selectNode(null);
    default: {
      const never: never = action;
      return never;
    }
  }
};

/** The presenter keys of PRODUCT.md §5 on the whole window; components only dispatch. */
export function useKeyboardShortcuts(letters = true): void {
  const store = usePlayerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      const action = keyAction(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          tagName: target?.tagName ?? '',
          type: target?.getAttribute('type') ?? null,
          role: target?.getAttribute('role') ?? null,
          editable: target instanceof HTMLElement && target.isContentEditable,
        },
        letters,
      );
      if (!action) return;
      const state = store.getState();
      // While the help overlay is open only closing it (Esc or ?) is a player key.
      if (state.overlay && action !== 'close' && action !== 'help') return;
      if (action === 'close' && !state.overlay && !state.selectedNode) return;
      event.preventDefault();
      perform(action, state);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, letters]);
}
