import type { ReactNode } from 'react';

/** Ids of the texts that describe a field, in reading order: its hint, then its error. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: string | null }): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

/** Common props of every form field: the visible label is always a real <label> or <legend>. */
export interface FieldBaseProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated; when set the control is marked invalid and points at this text. */
  error?: string | null;
}
