import { createContext } from 'react';
import { DEFAULT_HASH_STATE } from '../core/index.ts';
import type { HashState } from '../core/index.ts';

/** The link the page was opened with: its view options (embed, api, controls…) travel into shared links. */
export const LinkContext = createContext<HashState>(DEFAULT_HASH_STATE);
