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

/** Words up to this long stay whole in running text: "shop.example", "198.51.100.53:443". */
export const WHOLE_WORD = 22;

/** A short word set whole; an address's port may go to the next line ("192.0.2.15␣:56209"). */
function whole(word: string, key: number) {
  const [, host, port] = /^(.*\w)(:\d+\W*)$/.exec(word) ?? [];
  return host && port ? (
    <Fragment key={key}>
      <span className="rt-whole">{host}</span>
      <wbr />
      <span className="rt-whole">{port}</span>
    </Fragment>
  ) : (
    <span key={key} className="rt-whole">
      {word}
    </span>
  );
}

/**
 * Running text (a narration, a table's name or value) whose long words — a URL, a long header — may
 * wrap after their underscores, dots and slashes as `breakable` does, while a short name or address
 * is never split ("for shop.␣example" read as two words on a projector), only its port may go to the
 * next line: it is set whole (nowrap), so a table column is never narrower than it and a cell's
 * break-anywhere fallback leaves it alone.
 */
export function breakableText(text: string) {
  return text
    .split(/(\s+)/)
    .map((word, i) =>
      word.length > WHOLE_WORD ? (
        <Fragment key={i}>{breakable(word)}</Fragment>
      ) : /\w[_./:-]\w/.test(word) ? (
        whole(word, i)
      ) : (
        word
      ),
    );
}
