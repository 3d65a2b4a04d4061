import { useT } from '@plaza/web/i18n';
import { AlertMessage, StatusMessage } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { appHref, go } from '../shell/app-href';
import { AccountPage } from './AccountPage';
import { ApiError } from '@plaza/web/api-client';
import { authApi } from './auth-api';
import { accountFormErrors } from './form-errors';
import { safeNextPath } from './safe-next';
import { useSession } from './SessionProvider';

/** /signin/link?token=…, where the emailed link lands: trades the one-time token for a session, then goes on to `next`. */
export function EmailLinkPage() {
  const { t } = useT();
  const { enter } = useSession();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const [error, setError] = useState<string | null>(null);
  // The token is single-use: a second POST (StrictMode, a re-render) would burn it for nothing.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setError(t('account.link.missing'));
      return;
    }
    authApi
      .verifyEmailLink(token)
      .then((session) => {
        enter(session);
        go(safeNextPath(session.next), { replace: true });
      })
      .catch((failure: unknown) => {
        const expired = failure instanceof ApiError && [400, 401, 404, 410, 422].includes(failure.status);
        setError(
          expired
            ? t('account.link.invalid')
            : (accountFormErrors(failure, {}, t).general[0] ?? t('account.error.generic')),
        );
      });
    // Once per landing: a language switch must not resend the token.
  }, []);

  return (
    <AccountPage title={t('account.link.title')}>
      <StatusMessage>{error ? null : t('account.link.working')}</StatusMessage>
      <AlertMessage>{error}</AlertMessage>
      {error && (
        <p>
          <Link href={appHref('/signin')}>{t('account.link.askNew')}</Link>
        </p>
      )}
    </AccountPage>
  );
}
