import { useT } from '@plaza/web/i18n';
import { useCallback } from 'react';
import { Redirect } from 'wouter';
import { appHref } from '../shell/app-href';
import { AccountPage } from './AccountPage';
import { notificationSettingsApi } from './notification-settings-api';
import { NotificationSettingsSection } from '@plaza/web/account';
import { useSession } from './SessionProvider';

/** /account: what a signed-in citizen can set about their account (for now, update emails). */
export function AccountSettingsPage() {
  const { t } = useT();
  const { state } = useSession();
  const csrfToken = state.status === 'signedIn' ? state.session.csrfToken : null;
  const load = useCallback((signal: AbortSignal) => notificationSettingsApi.get(signal), []);
  const save = useCallback(
    (settings: { emailNotifications: boolean }) => notificationSettingsApi.set(csrfToken ?? '', settings),
    [csrfToken],
  );
  if (state.status === 'anonymous') return <Redirect to={appHref('/signin?next=%2Faccount')} replace />;
  return (
    <AccountPage title={t('account.settings.title')}>
      {state.status === 'signedIn' && <NotificationSettingsSection className="account-card" load={load} save={save} />}
    </AccountPage>
  );
}
