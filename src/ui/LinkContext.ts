import { createContext } from 'react';
import { DEFAULT_LINK } from '../core/index.ts';
import type { LinkState } from '../core/index.ts';

/** The link the page was opened with: its view options (embed, api, controls…) travel into shared links. */
export const LinkContext = createContext<LinkState>(DEFAULT_LINK);
