import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { selectMotion, selectTheme, usePlayer } from '../store/react.ts';
import type { PlayerState } from '../store/react.ts';
import { keysBackToPlayer } from './keys/keysBackToPlayer.ts';
import { useKeyboardShortcuts } from './keys/useKeyboardShortcuts.ts';
import { Notices } from './Notices.tsx';
import { Panel } from './Panel.tsx';
import { useAnimationFrameTicks } from './useAnimationFrameTicks.ts';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts';

// The dialogs are fetched when first opened: the first view does not need them.
const HelpOverlay = lazy(() => import('./HelpOverlay.tsx').then((m) => ({ default: m.HelpOverlay })));
const ShareDialog = lazy(() => import('./share/ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const selectOverlay = (s: PlayerState) => s.overlay;

/**
 * What every view of a player shares: the one animation-frame loop, the presenter keys, the
 * reduced-motion preference, the theme, notices and the keys overlay. The root takes the keyboard back
 * after a click or a choice (keysBackToPlayer), so a clicker always steps the request.
 */
export function PlayerShell({
  keys,
  className,
  children,
}: {
  keys: boolean;
  className: string;
  children: ReactNode;
}) {
  useAnimationFrameTicks();
  useKeyboardShortcuts(keys);
  usePrefersReducedMotion();
  const theme = usePlayer(selectTheme);
  const motion = usePlayer(selectMotion);
  const overlay = usePlayer(selectOverlay);
  return (
    <div
      className={`rt-player ${className}`}
      data-theme={theme === 'system' ? undefined : theme}
      data-motion={motion ? 'on' : 'off'}
      tabIndex={-1}
      onClick={keysBackToPlayer.onClick}
      onChange={keysBackToPlayer.onChange}
    >
      <Notices />
      {children}
      <Panel name="dialog">
        <Suspense fallback={null}>
          {overlay === 'help' && <HelpOverlay />}
          {overlay === 'share' && <ShareDialog />}
        </Suspense>
      </Panel>
    </div>
  );
}
