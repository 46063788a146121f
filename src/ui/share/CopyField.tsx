import { useId, useRef, useState } from 'react';
import { NOTICES } from '../../core/index.ts';
import { copyText } from './copyText.ts';

/** One thing to copy: its label, the text in a read-only field, and a Copy button that says what happened. */
export function CopyField({
  label,
  text,
  multiline = false,
}: {
  label: string;
  text: string;
  multiline?: boolean;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => setResult((await copyText(text, field.current)) ? 'copied' : 'failed');
  return (
    <div className="rt-copy">
      <label htmlFor={id}>{label}</label>
      <div className="rt-copy-row">
        {multiline ? (
          <textarea id={id} ref={field} readOnly value={text} rows={4} spellCheck={false} />
        ) : (
          <input id={id} ref={field} readOnly value={text} spellCheck={false} />
        )}
        <button
          type="button"
          className="rt-button"
          aria-describedby={`${id}-result`}
          onClick={() => void copy()}
        >
          Copy<span className="rt-visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p id={`${id}-result`} className="rt-copy-result" aria-live="polite">
        {result === 'copied' ? NOTICES.copied : result === 'failed' ? NOTICES.copyFailed : ''}
      </p>
    </div>
  );
}
