import type { DeliveryView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, Button, DataTable, SelectField, StatusMessage, type Column } from '@plaza/web/ui';
import { useState } from 'react';
import { deliveriesApi, useLoad } from '@plaza/console/data-access';
import { ConfirmDialog, LoadStatus, Page } from '@plaza/console/ui';
import { requestErrorMessage } from '@plaza/console/util';
import './deliveries.css';

type Scope = 'all' | 'failed' | 'pending';

/**
 * Notifications that could not be delivered (failed) or are still being retried: staff see who
 * they were for and why they fail, then retry them or dismiss them (both audit-logged).
 */
export function DeliveriesPage() {
  const { t, formatDate } = useT();
  const [scope, setScope] = useState<Scope>('all');
  const [state, reload] = useLoad(() => deliveriesApi.list(scope === 'all' ? null : scope), [scope]);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<DeliveryView | null>(null);
  const rows = state.data ?? [];

  const retry = async (delivery: DeliveryView) => {
    setBusy(delivery.id);
    setFailure(null);
    setDone(null);
    try {
      await deliveriesApi.retry(delivery.id);
      setDone(t('deliveries.retried', { recipient: delivery.recipient ?? delivery.channel }));
      reload();
    } catch (error) {
      setFailure(requestErrorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };

  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDate(iso, { dateStyle: 'short', timeStyle: 'short' })}</time> : '—';

  const columns: Column<DeliveryView>[] = [
    {
      id: 'recipient',
      header: t('deliveries.recipient'),
      rowHeader: true,
      cell: (d) => (
        <>
          {d.recipient ?? '—'}
          {d.summary && <span className="delivery-summary">{d.summary}</span>}
        </>
      ),
    },
    { id: 'channel', header: t('deliveries.channel'), cell: (d) => (d.channel === 'email' ? t('deliveries.channel.email') : d.channel) },
    { id: 'status', header: t('deliveries.status'), cell: (d) => t(`deliveries.status.${d.status === 'failed' ? 'failed' : 'retrying'}`) },
    { id: 'attempts', header: t('deliveries.attempts'), cell: (d) => String(d.attempts) },
    { id: 'error', header: t('deliveries.lastError'), cell: (d) => <span className="delivery-error">{d.lastError ?? '—'}</span> },
    { id: 'next', header: t('deliveries.nextAttempt'), cell: (d) => when(d.nextAttemptAt) },
    { id: 'created', header: t('deliveries.createdAt'), cell: (d) => when(d.createdAt) },
    {
      id: 'actions',
      header: t('deliveries.actions'),
      cell: (d) => (
        <div className="console-form__actions">
          <Button
            busy={busy === d.id}
            aria-label={t('deliveries.retryFor', { recipient: d.recipient ?? d.channel })}
            onClick={() => void retry(d)}
          >
            {t('deliveries.retry')}
          </Button>
          <Button
            variant="danger"
            aria-label={t('deliveries.dismissFor', { recipient: d.recipient ?? d.channel })}
            onClick={() => setDismissing(d)}
          >
            {t('deliveries.dismiss')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <Page title={t('deliveries.title')}>
      <p className="lead">{t('deliveries.summary')}</p>
      <StatusMessage>{done}</StatusMessage>
      <AlertMessage>{failure}</AlertMessage>
      <SelectField
        id="delivery-scope"
        label={t('deliveries.scope')}
        value={scope}
        onChange={(event) => setScope(event.target.value as Scope)}
        options={[
          { value: 'all', label: t('deliveries.scope.all') },
          { value: 'failed', label: t('deliveries.scope.failed') },
          { value: 'pending', label: t('deliveries.scope.pending') },
        ]}
      />
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('deliveries.caption', { count: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(d) => d.id}
        empty={t('deliveries.empty')}
      />
      <ConfirmDialog
        open={dismissing !== null}
        title={t('deliveries.dismissTitle')}
        body={t('deliveries.dismissBody', { recipient: dismissing?.recipient ?? dismissing?.channel ?? '' })}
        confirmLabel={t('deliveries.dismiss')}
        onClose={() => setDismissing(null)}
        onConfirm={async () => {
          if (!dismissing) return;
          await deliveriesApi.dismiss(dismissing.id);
          setDone(t('deliveries.dismissed', { recipient: dismissing.recipient ?? dismissing.channel }));
          reload();
        }}
      />
    </Page>
  );
}
