import { Fragment } from 'react';

/** An identifier that may wrap after its underscores ("application_␣layer_␣protocol"), not mid-word. */
export function breakable(name: string) {
  const parts = name.split('_');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          _<wbr />
        </>
      )}
    </Fragment>
  ));
}
