import { useContext } from 'react';
import type { FrameDriver } from './frameDriver.ts';
import { FrameDriverContext } from './FrameDriverContext.ts';

/** Where the nearest player's animation frames come from (the one frame-loop hook uses it). */
export function useFrameDriver(): FrameDriver {
  return useContext(FrameDriverContext);
}
