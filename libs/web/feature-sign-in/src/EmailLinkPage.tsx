import { useT } from '@plaza/web/i18n';
import { AlertMessage, StatusMessage } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import { ApiError } from '@plaza/web/api-client';
import { authApi, useSession } from '@plaza/web/session';
import { AppLink } from './AppLink';
import { CITIZEN_ERRORS, CITIZEN_TEXTS, type SignInConfig } from './sign-in-config';

/** /signin/link?token=…, where the emailed link lands: trades the one-time token for a session, then goes on to `next`. */
export function EmailLinkPage({ config }: { config: SignInConfig }) {
  const { t } = useT();
  const { enter } = useSession();
  const { Frame, NotAllowed } = config;
  const texts = config.texts ?? CITIZEN_TEXTS;
  const errors = config.errors ?? CITIZEN_ERRORS;
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  // The token is single-use: a second POST (StrictMode, a re-render) would burn it for nothing.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!token) {
      setError(t(texts.linkMissing));
      return;
    }
    authApi
      .verifyEmailLink(token)
      .then((session) => {
        enter(session);
        if (config.admits && !config.admits(session) && NotAllowed) setRefused(true);
        else config.navigate(config.afterLink(session), { replace: true });
      })
      .catch((failure: unknown) => {
        const expired = failure instanceof ApiError && [400, 401, 404, 410, 422].includes(failure.status);
        setError(expired ? t(texts.linkInvalid) : errors.linkVerify(failure, t));
      });
    // Once per landing: a language switch must not resend the token.
  }, []);

  if (refused && NotAllowed) return <NotAllowed />;
  return (
    <Frame title={t(texts.linkTitle)}>
      <StatusMessage>{error ? null : t(texts.linkWorking)}</StatusMessage>
      <AlertMessage>{error}</AlertMessage>
      {error && (
        <p>
          <AppLink config={config} href="/signin">
            {t(texts.linkBack)}
          </AppLink>
        </p>
      )}
    </Frame>
  );
}
