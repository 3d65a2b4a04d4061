import { useT, type Translator } from '@plaza/web/i18n';
import { Button, ErrorSummary, focusControl, TextField } from '@plaza/web/ui';
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { accountFormErrors, NO_ERRORS, type AccountFormErrors, type FieldIds } from './form-errors';

export interface AccountForm {
  formRef: RefObject<HTMLFormElement | null>;
  errors: AccountFormErrors;
  busy: boolean;
  error(id: string): string | undefined;
  /** Runs the request; on failure shows the errors and moves focus to the first one; resolves undefined then. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
}

/** How a failed request spreads over a form (stable: defined outside components). */
export type PresentErrors = (error: unknown, fields: FieldIds, t: Translator['t']) => AccountFormErrors;

/**
 * `fields`: API field name → control id (keep it stable: a constant outside the component).
 * `present`: how errors read; by default the public site's wording.
 */
export function useAccountForm(fields: FieldIds, present: PresentErrors = accountFormErrors): AccountForm {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<AccountFormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  // After the errors render: focus the first invalid control, else the summary (announced as an alert).
  useEffect(() => {
    if (focusTick === 0) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) focusControl(invalid);
    else form?.querySelector<HTMLElement>('.ui-error-summary')?.focus();
  }, [focusTick]);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await action();
        setErrors(NO_ERRORS);
        return result;
      } catch (error) {
        setErrors(present(error, fields, t));
        setFocusTick((tick) => tick + 1);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fields, present, t],
  );

  return { formRef, errors, busy, error: (id) => errors.byId[id], run };
}

interface AccountFormViewProps {
  form: AccountForm;
  /** Labels of the controls, by id, for the summary's links. */
  labels: Record<string, string>;
  submitLabel: string;
  labelledBy?: string;
  /** Title of the error summary; by default the public site's. */
  summaryTitle?: string;
  /** Class of the form, and of a row wrapping the submit button (none: the button sits in the form). */
  className?: string;
  actionsClassName?: string;
  onSubmit(): void;
  children: ReactNode;
}

/**
 * Error summary on top, fields, submit button. Browser validation bubbles are off (noValidate):
 * the API's answer is the one place errors come from, shown beside fields and announced.
 */
export function AccountFormView({
  form,
  labels,
  submitLabel,
  labelledBy,
  summaryTitle,
  className = 'account-form',
  actionsClassName,
  onSubmit,
  children,
}: AccountFormViewProps) {
  const { t } = useT();
  const items = Object.entries(labels)
    .filter(([id]) => form.errors.byId[id])
    .map(([id, label]) => ({ targetId: id, message: `${label}: ${form.errors.byId[id]}` }));
  const submit = (
    <Button type="submit" variant="primary" busy={form.busy}>
      {submitLabel}
    </Button>
  );
  return (
    <form
      ref={form.formRef}
      noValidate
      aria-labelledby={labelledBy}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.busy) onSubmit();
      }}
    >
      <ErrorSummary title={summaryTitle ?? t('account.error.summary')} messages={form.errors.general} items={items} />
      {children}
      {actionsClassName ? <div className={actionsClassName}>{submit}</div> : submit}
    </form>
  );
}

interface EmailFieldProps {
  id: string;
  form: AccountForm;
  value: string;
  onChange(value: string): void;
  /** `username` where the address identifies an existing account (password managers fill it). */
  autoComplete: 'email' | 'username';
  /** By default the public site's wording. */
  label?: string;
}

/** The email address control every account form asks for, with its error from the API. */
export function EmailField({ id, form, value, onChange, autoComplete, label }: EmailFieldProps) {
  const { t } = useT();
  return (
    <TextField
      id={id}
      label={label ?? t('account.email')}
      type="email"
      inputMode="email"
      autoComplete={autoComplete}
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={form.error(id)}
    />
  );
}
