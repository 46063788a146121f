import { Fragment } from 'react';

/**
 * A name that may wrap after its underscores, dots and slashes ("application_␣layer_␣protocol",
 * "ns1.␣shop.␣example"), never in the middle of a word.
 */
export function breakable(name: string) {
  const parts = name.split(/(?<=\w[_./])(?=\w)/);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}
