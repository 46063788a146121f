import { memo } from 'react';
import type { Grammar } from './highlight/Token.ts';
import { useHighlighter } from './useHighlighter.ts';

/** Text with light syntax colouring (once its chunk is here: useHighlighter), in a scrollable block. */
export const Highlighted = memo(function Highlighted({
  text,
  grammar,
  label,
}: {
  text: string;
  grammar: Grammar;
  label?: string;
}) {
  const tokens = useHighlighter()(text, grammar);
  return (
    <pre className="rt-code" aria-label={label} tabIndex={0}>
      <code>
        {tokens.map((token, i) =>
          token.kind === 'plain' ? (
            token.text
          ) : (
            <span key={i} className={`tok-${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
});
