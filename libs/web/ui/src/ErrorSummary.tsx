import type { ReactNode } from 'react';

export interface ErrorSummaryItem {
  /** Id of the control to jump to. */
  targetId: string;
  message: string;
}

export interface ErrorSummaryProps {
  title: ReactNode;
  /** Problems not tied to one field (e.g. "wrong email or password"). */
  messages?: readonly string[];
  items: readonly ErrorSummaryItem[];
}

/**
 * The list of problems at the top of a form. It is an alert, so it is announced even though focus
 * moves to the first invalid field; each entry links to its field. Focusable by script, for forms
 * whose only problem is not tied to a field.
 */
export function ErrorSummary({ title, messages = [], items }: ErrorSummaryProps) {
  if (items.length === 0 && messages.length === 0) return null;
  return (
    <div className="ui-error-summary" role="alert" tabIndex={-1}>
      <p className="ui-error-summary__title">{title}</p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {items.map((item) => (
          <li key={item.targetId}>
            <a
              href={`#${item.targetId}`}
              onClick={(event) => {
                // Focus the control itself (the hash alone would only scroll to it).
                const target = document.getElementById(item.targetId);
                if (!target) return;
                event.preventDefault();
                focusControl(target);
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A fieldset is not focusable: focus its first control instead. */
export function focusControl(target: HTMLElement): void {
  const control =
    target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  (control ?? target).focus();
}
