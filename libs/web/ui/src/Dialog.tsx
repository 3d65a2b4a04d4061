import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  /** Accessible name of the × button, already translated. */
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal built on <dialog>.showModal(): the browser makes the rest of the page inert (focus stays
 * inside) and Escape cancels it. Focus goes to the first field, and back to the opener on close.
 */
export function Dialog({ open, title, closeLabel, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>(
      '.ui-dialog__body input:not([type=hidden]):not([disabled]), .ui-dialog__body select, .ui-dialog__body textarea, .ui-dialog__body button',
    );
    (first ?? dialog).focus();
    // Escape fires `cancel`; let React state decide, so the dialog and `open` never disagree.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog ref={ref} className="ui-dialog" aria-labelledby={titleId}>
      <div className="ui-dialog__header">
        <h2 id={titleId} className="ui-dialog__title">
          {title}
        </h2>
        <button type="button" className="ui-dialog__close" aria-label={closeLabel} onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="ui-dialog__body">{children}</div>
    </dialog>
  );
}
