import type { ReactNode } from 'react';

/**
 * A labelled select over a fixed list of typed choices: the label names the combobox, and only a
 * listed value is ever passed on.
 */
export function ChoiceSelect<T extends string | number>({
  label,
  value,
  choices,
  onChange,
  title,
  hideLabel = false,
}: {
  label: string;
  value: T;
  /** Each value, its text, and whether it cannot be chosen now (shown, greyed out). */
  choices: readonly (readonly [T, ReactNode, boolean?])[];
  onChange: (value: T) => void;
  title?: string;
  /** The label names the combobox but is not shown (the choices say what they are: "1×", "Teaching pace"). */
  hideLabel?: boolean;
}) {
  return (
    <label className="rt-field" title={title}>
      <span className={hideLabel ? 'rt-visually-hidden' : undefined}>{label}</span>
      <select
        value={value}
        onChange={(e) => {
          const chosen = choices.find(([choice]) => String(choice) === e.currentTarget.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {choices.map(([choice, text, disabled = false]) => (
          <option key={choice} value={choice} disabled={disabled}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
