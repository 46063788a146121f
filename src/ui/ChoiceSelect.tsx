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
}: {
  label: string;
  value: T;
  choices: readonly (readonly [T, ReactNode])[];
  onChange: (value: T) => void;
  title?: string;
}) {
  return (
    <label className="rt-field" title={title}>
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => {
          const chosen = choices.find(([choice]) => String(choice) === e.currentTarget.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
