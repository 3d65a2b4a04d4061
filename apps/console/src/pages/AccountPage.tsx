import type { NotificationSettings, SessionUser } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { StatusMessage, TextField } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { NotificationSettingsSection } from '@plaza/web/account';
import { apiRequest, authApi } from '@plaza/console/data-access';
import { ApiFormView, type FormFields, Page, useApiForm } from '@plaza/console/ui';
import { ROLE_LABELS } from '@plaza/console/util';

/** Who is signed in, and a new password (staff invited by email choose their first one here). */
export function AccountPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  return (
    <Page title={t('auth.account.title')}>
      <dl className="meta-list">
        <dt>{t('admin.field.name')}</dt>
        <dd>{user.name}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('admin.users.roles')}</dt>
        <dd>{user.roles.map((role) => t(ROLE_LABELS[role])).join(', ')}</dd>
      </dl>
      <PasswordForm />
      <NotificationSettingsSection className="card" load={loadNotificationSettings} save={saveNotificationSettings} />
    </Page>
  );
}

const NOTIFICATION_SETTINGS = '/api/v1/account/notifications';
const loadNotificationSettings = (signal: AbortSignal) => apiRequest<NotificationSettings>(NOTIFICATION_SETTINGS, { signal });
const saveNotificationSettings = (json: NotificationSettings) =>
  apiRequest<NotificationSettings>(NOTIFICATION_SETTINGS, { method: 'PATCH', json });

function PasswordForm() {
  const { t } = useT();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);
  const fields: FormFields = useMemo(
    () => ({
      currentPassword: { id: 'account-current', label: t('auth.account.current') },
      newPassword: { id: 'account-new', label: t('auth.account.new') },
    }),
    [t],
  );
  const form = useApiForm(fields);

  const submit = async () => {
    setDone(false);
    const ok = await form.run(async () => {
      await authApi.changePassword({ currentPassword: currentPassword || undefined, newPassword });
      return true;
    });
    if (!ok) return;
    setCurrentPassword('');
    setNewPassword('');
    setDone(true);
  };

  return (
    <section className="card" aria-labelledby="account-password-heading">
      <h2 id="account-password-heading">{t('auth.account.passwordHeading')}</h2>
      <ApiFormView form={form} submitLabel={t('auth.account.save')} onSubmit={() => void submit()}>
        <TextField
          id="account-current"
          label={t('auth.account.current')}
          hint={t('auth.account.currentHint')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={form.error('account-current')}
        />
        <TextField
          id="account-new"
          label={t('auth.account.new')}
          hint={t('auth.account.newHint')}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={form.error('account-new')}
        />
      </ApiFormView>
      <StatusMessage>{done ? t('auth.account.saved') : null}</StatusMessage>
    </section>
  );
}
