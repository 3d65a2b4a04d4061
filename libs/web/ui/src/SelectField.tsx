import type { SelectHTMLAttributes } from 'react';
import { describedBy, type FieldBaseProps } from './field-wiring';
import { FieldMessages } from './FieldMessages';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectFieldProps = FieldBaseProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> & {
    options: readonly SelectOption[];
    /** A first, empty choice (e.g. "Choose…"); its value is the empty string. */
    placeholder?: string;
  };

export function SelectField({ id, label, hint, error, className, options, placeholder, ...select }: SelectFieldProps) {
  return (
    <div className={`ui-field${error ? ' ui-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        {...select}
        className="ui-field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
