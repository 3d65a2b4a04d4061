import type { AdminApiClient, CreatedApiClient } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, CheckboxField, DataTable, Dialog, StatusMessage, TextField, type Column } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, useLoad } from '@plaza/console/data-access';
import {
  ApiFormView,
  ConfirmDialog,
  type FormFields,
  LoadStatus,
  Page,
  useApiForm,
  YesNo,
} from '@plaza/console/ui';

/**
 * Open311 client applications: issue a key (shown once, in a dialog, then gone — Plaza keeps only
 * its hash) and revoke one. Every change is recorded in the audit log by the API.
 */
export function ApiClientsPage() {
  const { t, formatDate } = useT();
  const [state, reload] = useLoad(() => adminApi.apiClients());
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<CreatedApiClient | null>(null);
  const [revoking, setRevoking] = useState<AdminApiClient | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const when = (at: string | null) =>
    at ? <time dateTime={at}>{formatDate(at, { dateStyle: 'short', timeStyle: 'short' })}</time> : t('admin.apiClients.never');

  const columns: Column<AdminApiClient>[] = [
    { id: 'name', header: t('admin.field.name'), rowHeader: true, cell: (c) => c.name },
    { id: 'email', header: t('admin.apiClients.contactEmail'), cell: (c) => c.contactEmail },
    { id: 'created', header: t('admin.apiClients.createdAt'), cell: (c) => when(c.createdAt) },
    { id: 'used', header: t('admin.apiClients.lastUsedAt'), cell: (c) => when(c.lastUsedAt) },
    { id: 'verifies', header: t('admin.apiClients.verifiesReporters'), cell: (c) => <YesNo value={c.verifiesReporters} /> },
    { id: 'status', header: t('admin.apiClients.status'), cell: (c) => (c.active ? t('admin.apiClients.active') : t('admin.apiClients.revoked')) },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (c) =>
        c.active ? (
          <Button variant="link" onClick={() => setRevoking(c)}>
            {t('admin.apiClients.revoke', { name: c.name })}
          </Button>
        ) : null,
    },
  ];

  return (
    <Page title={t('admin.apiClients.title')}>
      <p className="lead">{t('admin.apiClients.summary')}</p>
      <StatusMessage>{status}</StatusMessage>
      <p>
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('admin.apiClients.new')}
        </Button>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.apiClients.caption', { count: state.data?.length ?? 0 })}
        columns={columns}
        rows={state.data ?? []}
        rowKey={(c) => c.id}
        empty={t('admin.apiClients.empty')}
      />
      <Dialog open={creating} title={t('admin.apiClients.new')} closeLabel={t('console.dialog.close')} onClose={() => setCreating(false)}>
        {creating && (
          <ApiClientForm
            onCancel={() => setCreating(false)}
            onCreated={(created) => {
              setCreating(false);
              setIssued(created);
              reload();
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={issued !== null}
        title={issued ? t('admin.apiClients.keyTitle', { name: issued.client.name }) : ''}
        closeLabel={t('console.dialog.close')}
        onClose={() => setIssued(null)}
      >
        {issued && (
          <>
            <p>{t('admin.apiClients.keyOnce')}</p>
            <TextField
              id="api-client-key"
              label={t('admin.apiClients.keyLabel')}
              value={issued.key}
              readOnly
              spellCheck={false}
              autoComplete="off"
              onFocus={(event) => event.target.select()}
            />
            <div className="console-form__actions">
              <Button variant="primary" onClick={() => setIssued(null)}>
                {t('admin.apiClients.keyDone')}
              </Button>
            </div>
          </>
        )}
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin.apiClients.revokeTitle')}
        body={revoking ? t('admin.apiClients.revokeBody', { name: revoking.name }) : ''}
        confirmLabel={t('admin.apiClients.revokeConfirm')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          await adminApi.revokeApiClient(revoking.id);
          setStatus(t('admin.apiClients.revoked.done', { name: revoking.name }));
          reload();
        }}
      />
    </Page>
  );
}

function ApiClientForm({ onCreated, onCancel }: { onCreated(created: CreatedApiClient): void; onCancel(): void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [verifiesReporters, setVerifiesReporters] = useState(false);
  const fields: FormFields = useMemo(
    () => ({
      name: { id: 'api-client-name', label: t('admin.field.name') },
      contactEmail: { id: 'api-client-email', label: t('admin.apiClients.contactEmail') },
      verifiesReporters: { id: 'api-client-verifies', label: t('admin.apiClients.verifiesReporters') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  const submit = async () => {
    const created = await form.run(() => adminApi.createApiClient({ name: name.trim(), contactEmail: contactEmail.trim(), verifiesReporters }));
    if (created) onCreated(created);
  };
  return (
    <ApiFormView
      form={form}
      submitLabel={t('admin.apiClients.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <TextField
        id="api-client-name"
        label={t('admin.field.name')}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={form.error('api-client-name')}
      />
      <TextField
        id="api-client-email"
        label={t('admin.apiClients.contactEmail')}
        hint={t('admin.apiClients.contactEmailHint')}
        type="email"
        autoComplete="off"
        value={contactEmail}
        onChange={(event) => setContactEmail(event.target.value)}
        error={form.error('api-client-email')}
      />
      <CheckboxField
        id="api-client-verifies"
        label={t('admin.apiClients.verifiesReporters')}
        hint={t('admin.apiClients.verifiesReportersHint')}
        checked={verifiesReporters}
        onChange={(event) => setVerifiesReporters(event.target.checked)}
        error={form.error('api-client-verifies')}
      />
    </ApiFormView>
  );
}
