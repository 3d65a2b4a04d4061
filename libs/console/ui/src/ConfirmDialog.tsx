import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, Dialog } from '@plaza/web/ui';
import { useState } from 'react';
import { requestErrorMessage } from '@plaza/console/util';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** "Are you sure?" for destructive actions; Cancel is the safe default focus. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  return (
    <Dialog open={open} title={title} closeLabel={t('console.dialog.close')} onClose={close}>
      <p>{body}</p>
      {failure && <AlertMessage>{failure}</AlertMessage>}
      <div className="console-form__actions">
        <Button onClick={close}>{t('console.cancel')}</Button>
        <Button
          variant="danger"
          busy={busy}
          onClick={async () => {
            setBusy(true);
            setFailure(null);
            try {
              await onConfirm();
              close();
            } catch (error) {
              setFailure(requestErrorMessage(t, error));
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
