import { useT } from '@plaza/web/i18n';
import { useCallback } from 'react';
import { Link, Redirect } from 'wouter';
import { appHref } from '../shell/app-href';
import { AccountPage } from './AccountPage';
import { notificationSettingsApi } from './notification-settings-api';
import { NotificationSettingsSection } from '@plaza/web/account';
import { useSession } from '@plaza/web/session';
import { UnreadBadge } from './UnreadBadge';
import { useUnreadCount } from './unread-count';

/** /account: what a signed-in citizen can set about their account (update emails) and the way to their notifications. */
export function AccountSettingsPage() {
  const { t } = useT();
  const { state } = useSession();
  const unread = useUnreadCount();
  const csrfToken = state.status === 'signedIn' ? state.session.csrfToken : null;
  const load = useCallback((signal: AbortSignal) => notificationSettingsApi.get(signal), []);
  const save = useCallback(
    (settings: { emailNotifications: boolean }) => notificationSettingsApi.set(csrfToken ?? '', settings),
    [csrfToken],
  );
  if (state.status === 'anonymous') return <Redirect to={appHref('/signin?next=%2Faccount')} replace />;
  return (
    <AccountPage title={t('account.settings.title')}>
      {state.status === 'signedIn' && (
        <>
          <p>
            <Link href={appHref('/account/notifications')}>
              {t('inbox.link')}
              <UnreadBadge count={unread} />
            </Link>
          </p>
          <NotificationSettingsSection className="account-card" load={load} save={save} />
        </>
      )}
    </AccountPage>
  );
}
