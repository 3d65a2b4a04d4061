import { useT } from '@plaza/web/i18n';
import { useCallback } from 'react';
import { Link, Redirect } from 'wouter';
import { appHref, useLoad } from '@plaza/map/util';
import { AccountLanguageSection } from './AccountLanguageSection';
import { MyContributions } from './MyContributions';
import { AccountPage, UnreadBadge } from '@plaza/map/ui';
import { accountDataApi, notificationSettingsApi, useUnreadCount } from '@plaza/map/data-access';
import { NotificationSettingsSection } from '@plaza/web/account';
import { useSession } from '@plaza/web/session';

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
  const [mine] = useLoad(`mine:${state.status}`, (signal) =>
    state.status === 'signedIn' ? accountDataApi.get(signal) : new Promise<never>(() => undefined),
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
          <p>
            <Link href={appHref('/account/data')}>{t('privacy.link')}</Link>
          </p>
          <NotificationSettingsSection className="account-card" load={load} save={save} />
          <AccountLanguageSection className="account-card" />
          {mine.state === 'ready' && <MyContributions data={mine.data} />}
        </>
      )}
    </AccountPage>
  );
}
