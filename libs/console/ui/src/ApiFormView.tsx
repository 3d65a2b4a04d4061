import { useT } from '@plaza/web/i18n';
import { Button, ErrorSummary } from '@plaza/web/ui';
import type { FormEvent, ReactNode } from 'react';
import type { ApiForm } from './useApiForm';

export interface ApiFormViewProps {
  form: ApiForm;
  /** Accessible name of the form (e.g. the dialog title). */
  label?: string;
  submitLabel: string;
  onSubmit(): void;
  children: ReactNode;
  /** Extra buttons after submit (e.g. Cancel). */
  actions?: ReactNode;
}

/**
 * A form with the error summary on top and the submit button below. Browser validation bubbles
 * are off (noValidate): errors come from the API and appear in one consistent, announced place.
 */
export function ApiFormView({ form, label, submitLabel, onSubmit, children, actions }: ApiFormViewProps) {
  const { t } = useT();
  return (
    <form
      ref={form.formRef}
      noValidate
      aria-label={label}
      className="console-form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (!form.busy) onSubmit();
      }}
    >
      <ErrorSummary title={t('console.form.errorSummary')} messages={form.errors.general} items={form.errors.items} />
      {children}
      <div className="console-form__actions">
        <Button type="submit" variant="primary" busy={form.busy}>
          {submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
