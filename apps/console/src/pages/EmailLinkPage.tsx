import { useT } from '@plaza/web/i18n';
import { AlertMessage, StatusMessage } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { ApiError, authApi } from '@plaza/console/data-access';
import { ConsoleLink, Page, useConsoleNavigate } from '@plaza/console/ui';
import { requestErrorMessage } from '@plaza/console/util';
import { consolePathFromSitePath, isStaff, useSession } from '@plaza/web/session';
import { CitizenNotice } from './CitizenNotice';

/** Where the emailed link lands: trades the one-time token for a session, then enters. */
export function EmailLinkPage() {
  const { t } = useT();
  const { enter } = useSession();
  const navigate = useConsoleNavigate();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const [outcome, setOutcome] = useState<'working' | 'citizen' | { error: string }>('working');
  // The token is single-use: a second POST (StrictMode, a re-render) would burn it for nothing.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setOutcome({ error: t('auth.link.missing') });
      return;
    }
    authApi
      .verifyEmailLink(token)
      .then((session) => {
        enter(session);
        if (isStaff(session.user)) navigate(consolePathFromSitePath(session.next), { replace: true });
        else setOutcome('citizen');
      })
      .catch((error: unknown) => {
        const expired = error instanceof ApiError && [400, 401, 404, 410, 422].includes(error.status);
        setOutcome({ error: expired ? t('auth.link.invalid') : requestErrorMessage(t, error) });
      });
    // Once per landing: a language switch must not resend the token.
  }, []);

  if (outcome === 'citizen') return <CitizenNotice />;
  return (
    <Page title={t('auth.link.title')}>
      <StatusMessage>{outcome === 'working' ? t('auth.link.working') : null}</StatusMessage>
      {typeof outcome === 'object' && (
        <>
          <AlertMessage>{outcome.error}</AlertMessage>
          <p>
            <ConsoleLink href="/signin">{t('auth.link.backToSignIn')}</ConsoleLink>
          </p>
        </>
      )}
    </Page>
  );
}
