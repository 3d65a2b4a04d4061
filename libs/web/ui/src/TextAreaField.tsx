import type { TextareaHTMLAttributes } from 'react';
import { describedBy, type FieldBaseProps } from './field-wiring';
import { FieldMessages } from './FieldMessages';

export type TextAreaFieldProps = FieldBaseProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, hint, error, className, rows = 4, ...textarea }: TextAreaFieldProps) {
  return (
    <div className={`ui-field${error ? ' ui-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={rows}
        {...textarea}
        className="ui-field__control"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
      />
    </div>
  );
}
