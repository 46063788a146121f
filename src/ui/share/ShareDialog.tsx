import { useCallback, useContext, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { shareSnippets } from '../../core/index.ts';
import { selectSetOverlay, linkOf, usePlayer } from '../../store/react.ts';
import type { PlayerState } from '../../store/react.ts';
import { Dialog } from '../Dialog.tsx';
import { LinkContext } from '../LinkContext.ts';
import { CopyField } from './CopyField.tsx';

const selectOpen = (s: PlayerState) => s.overlay === 'share';
const selectTitle = (s: PlayerState) => s.timeline.title;

/**
 * The page's address without its hash. From a file (the offline single file) only the file's name:
 * `roundtrip.html#…` works next to the file on any computer or stick, `file:///…` only on this one.
 */
const pageAddress = () =>
  window.location.protocol === 'file:'
    ? (window.location.pathname.split('/').pop() ?? '')
    : (window.location.href.split('#')[0] ?? '');

/** Share: a link to this step, an iframe for a web page or LMS, and a reveal.js slide. */
export function ShareDialog() {
  const open = usePlayer(selectOpen);
  return open ? <ShareDialogBody /> : null;
}

function ShareDialogBody() {
  const view = useContext(LinkContext);
  // A flat object of primitives: shallow-equal while playback only moves within a step.
  const link = usePlayer(useShallow(useCallback((s: PlayerState) => linkOf(s, view), [view])));
  const title = usePlayer(selectTitle);
  const setOverlay = usePlayer(selectSetOverlay);
  const snippets = useMemo(() => shareSnippets(pageAddress(), link, title), [link, title]);
  const close = () => setOverlay(null);
  return (
    <Dialog title="Share this step" titleId="rt-share-title" onClose={close}>
      <CopyField label="Link to this step" text={snippets.link} />
      <CopyField label="Embed in a web page or LMS (iframe)" text={snippets.iframe} multiline />
      <CopyField label="reveal.js slide" text={snippets.reveal} multiline />
      <p className="rt-muted">
        The embed opens at step {link.step}; a clicker steps through it once it has focus.
      </p>
      <button type="button" className="rt-button" onClick={close}>
        Close
      </button>
    </Dialog>
  );
}
