import { createContext } from 'react';
import { animationFrameDriver } from './frameDriver.ts';
import type { FrameDriver } from './frameDriver.ts';

/** The frame driver of the nearest PlayerProvider; the browser's animation frames by default. */
export const FrameDriverContext = createContext<FrameDriver>(animationFrameDriver);
