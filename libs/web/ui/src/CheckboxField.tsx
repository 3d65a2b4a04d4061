import type { InputHTMLAttributes } from 'react';
import { describedBy, type FieldBaseProps } from './field-wiring';
import { FieldMessages } from './FieldMessages';

export type CheckboxFieldProps = FieldBaseProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>;

/** A single yes/no choice; the box comes before its label, as people expect. */
export function CheckboxField({ id, label, hint, error, className, ...input }: CheckboxFieldProps) {
  return (
    <div className={`ui-check${error ? ' ui-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        name={id}
        {...input}
        type="checkbox"
        className="ui-check__box"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
      />
      <div>
        <label htmlFor={id} className="ui-check__label">
          {label}
        </label>
        <FieldMessages id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
