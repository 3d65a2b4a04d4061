import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Shown as aria-busy and disables the button, so a slow request is not sent twice. */
  busy?: boolean;
}

/** `type="button"` by default: a stray button inside a form must never submit it. */
export function Button({ variant = 'secondary', busy = false, type = 'button', className, disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      {...rest}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`ui-button ui-button--${variant}${className ? ` ${className}` : ''}`}
    />
  );
}
