import { useT } from '@plaza/web/i18n';
import { focusControl } from '@plaza/web/ui';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { NO_ERRORS, toFormErrors, type FormErrors, type FormFields } from './form-errors';

export { NO_ERRORS, type FormErrors, type FormFields } from './form-errors';

export interface ApiForm {
  formRef: RefObject<HTMLFormElement | null>;
  errors: FormErrors;
  busy: boolean;
  /** Message for a control, or undefined. */
  error(id: string): string | undefined;
  /** Runs the request; on failure shows the errors and moves focus; resolves undefined then. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  /** Client-side errors (e.g. a file that is not JSON), shown the same way. */
  fail(errors: FormErrors): void;
  reset(): void;
}

export function useApiForm(fields: FormFields, overrideGeneral?: (error: unknown) => string | null): ApiForm {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [focusTick, setFocusTick] = useState(0);

  // After the errors render: focus the first invalid control, else the summary.
  useEffect(() => {
    if (focusTick === 0) return;
    const form = formRef.current;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) focusControl(invalid);
    else form?.querySelector<HTMLElement>('.ui-error-summary')?.focus();
  }, [focusTick]);

  const fail = useCallback((next: FormErrors) => {
    setErrors(next);
    setFocusTick((tick) => tick + 1);
  }, []);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      try {
        const result = await action();
        setErrors(NO_ERRORS);
        return result;
      } catch (error) {
        fail(toFormErrors(error, fields, t, overrideGeneral));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [fail, fields, t, overrideGeneral],
  );

  return {
    formRef,
    errors,
    busy,
    error: (id) => errors.byId[id],
    run,
    fail,
    reset: () => setErrors(NO_ERRORS),
  };
}

