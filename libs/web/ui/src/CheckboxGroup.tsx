import type { ReactNode } from 'react';
import { describedBy } from './field-wiring';
import { FieldMessages } from './FieldMessages';

export interface CheckboxGroupProps {
  /** Id of the group; each box gets `${id}-${value}`, and the first one receives focus on error. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange(next: string[]): void;
}

/** Several choices under one question: a fieldset whose legend names the group for screen readers. */
export function CheckboxGroup({ id, legend, hint, error, options, value, onChange }: CheckboxGroupProps) {
  const selected = new Set(value);
  return (
    <fieldset
      id={id}
      className={`ui-fieldset${error ? ' ui-field--invalid' : ''}`}
      aria-describedby={describedBy(id, { hint, error })}
    >
      <legend className="ui-field__label">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="ui-fieldset__options">
        {options.map((option) => {
          const boxId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="ui-check">
              <input
                id={boxId}
                type="checkbox"
                className="ui-check__box"
                checked={selected.has(option.value)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => {
                  const next = new Set(selected);
                  if (event.target.checked) next.add(option.value);
                  else next.delete(option.value);
                  // Keep the options' order so the value is stable whatever the click order.
                  onChange(options.map((o) => o.value).filter((v) => next.has(v)));
                }}
              />
              <label htmlFor={boxId} className="ui-check__label">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
