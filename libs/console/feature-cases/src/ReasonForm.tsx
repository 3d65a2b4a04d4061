import { useT } from '@plaza/web/i18n';
import { Button, TextAreaField } from '@plaza/web/ui';
import { useRef, useState } from 'react';

/** A required reason (hiding, referring back, rejecting a draft); the API validates it as well. */
export function ReasonForm({
  label,
  submitLabel,
  onSubmit,
  onCancel,
  id = 'reason',
}: {
  label: string;
  submitLabel: string;
  onSubmit(reason: string): void;
  onCancel(): void;
  id?: string;
}) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const ref = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={ref}
      noValidate
      className="console-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setError(t('console.fieldError.required'));
          ref.current?.querySelector<HTMLElement>('textarea')?.focus();
          return;
        }
        onSubmit(reason.trim());
      }}
    >
      <TextAreaField id={id} label={label} value={reason} rows={3} onChange={(event) => setReason(event.target.value)} error={error} />
      <div className="console-form__actions">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('console.cancel')}</Button>
      </div>
    </form>
  );
}
