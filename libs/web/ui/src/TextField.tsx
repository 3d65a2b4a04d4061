import type { InputHTMLAttributes } from 'react';
import { describedBy, type FieldBaseProps } from './field-wiring';
import { FieldMessages } from './FieldMessages';

export type TextFieldProps = FieldBaseProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  return (
    <div className={`ui-field${error ? ' ui-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        type="text"
        {...input}
        className="ui-field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
      />
    </div>
  );
}
