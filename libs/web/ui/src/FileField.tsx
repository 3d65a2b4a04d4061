import type { InputHTMLAttributes, Ref } from 'react';
import { describedBy, type FieldBaseProps } from './field-wiring';
import { FieldMessages } from './FieldMessages';

export type FileFieldProps = FieldBaseProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
    /** To clear the chosen file after an upload. */
    ref?: Ref<HTMLInputElement>;
  };

export function FileField({ id, label, hint, error, className, ref, ...input }: FileFieldProps) {
  return (
    <div className={`ui-field${error ? ' ui-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="ui-field__label">
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        {...input}
        ref={ref}
        type="file"
        className="ui-field__file"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error })}
      />
    </div>
  );
}
