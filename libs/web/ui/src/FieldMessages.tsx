import type { ReactNode } from 'react';
import { errorId, hintId } from './field-wiring';

/** The hint and the error below a label, with the ids `describedBy` refers to. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <p id={hintId(id)} className="ui-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(id)} className="ui-field__error">
          {error}
        </p>
      ) : null}
    </>
  );
}
