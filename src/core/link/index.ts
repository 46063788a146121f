/** The link: everything the page's address says (PRODUCT.md §5), one table of fields, pure. */
export { LINK_FIELDS, THEMES, CONTROLS, CAMERAS } from './linkFields.ts';
export type { Theme, ControlsMode, CameraMode } from './linkFields.ts';
export type { LinkField, LinkFieldKind } from './linkField.ts';
export { DEFAULT_LINK, LINK_KEYS } from './LinkState.ts';
export type { LinkKey, LinkState, PlayerLinkKey } from './LinkState.ts';
export { parseHash } from './parseHash.ts';
export { formatHash } from './formatHash.ts';
export { shareSnippets } from './shareSnippets.ts';
export type { ShareSnippets } from './shareSnippets.ts';
