import { memo } from 'react';
import type { CodeView as CodeViewData } from '../../core/index.ts';
import { grammarFor } from './highlight/grammarFor.ts';
import { useHighlighter } from './useHighlighter.ts';

/** Handler source with line numbers; the running line is marked with ▶, a background and aria-current. */
export const CodeView = memo(function CodeView({ code }: { code: CodeViewData }) {
  const grammar = grammarFor(code.language);
  const highlight = useHighlighter();
  const lines = code.source.replace(/\r\n/g, '\n').split('\n');
  return (
    <figure className="rt-codeview">
      <figcaption>
        <span className="rt-file">{code.file}</span> · {code.framework} · running line {code.line}
      </figcaption>
      <pre
        className="rt-code rt-code--lines"
        tabIndex={0}
        aria-label={`${code.file}, line ${code.line} running`}
      >
        <code>
          {lines.map((line, i) => {
            const running = i + 1 === code.line;
            return (
              <span
                key={i}
                className={`rt-line${running ? ' rt-line--running' : ''}`}
                aria-current={running ? 'true' : undefined}
              >
                <span className="rt-line-no" aria-hidden="true">
                  {running ? '▶' : ''}
                  {i + 1}
                </span>
                {highlight(line, grammar).map((token, j) =>
                  token.kind === 'plain' ? (
                    token.text
                  ) : (
                    <span key={j} className={`tok-${token.kind}`}>
                      {token.text}
                    </span>
                  ),
                )}
                {'\n'}
              </span>
            );
          })}
        </code>
      </pre>
    </figure>
  );
});
