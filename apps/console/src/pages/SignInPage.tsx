import { useT } from '@plaza/web/i18n';
import { StatusMessage, TextField } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { Redirect, useSearch } from 'wouter';
import { ApiError, authApi } from '@plaza/console/data-access';
import {
  ApiFormView,
  type FormFields,
  Page,
  pathWithLang,
  useApiForm,
  useConsoleNavigate,
} from '@plaza/console/ui';
import { isStaff, safeConsolePath, useSession, type SignedOutReason } from '@plaza/web/session';
import { CitizenNotice } from './CitizenNotice';

const REASON_KEYS = {
  signedOut: 'auth.signedOut',
  signedOutEverywhere: 'auth.signedOutEverywhere',
  expired: 'auth.expired',
} as const;

/**
 * The console's front door for anyone without a session: password sign-in, or a one-time link by
 * email. Its h1 is the console's name, since it is what /console/ shows to a visitor.
 */
export function SignInPage() {
  const { t, locale } = useT();
  const { state } = useSession();
  const next = safeConsolePath(new URLSearchParams(useSearch()).get('next'));

  if (state.status === 'signedIn') {
    return isStaff(state.session.user) ? <Redirect to={pathWithLang(next, locale)} replace /> : <CitizenNotice />;
  }
  const reason: SignedOutReason = state.status === 'anonymous' ? state.reason : null;
  return (
    <Page title={t('console.title')} documentTitle={t('console.pageTitle')}>
      <p className="lead">{t('auth.intro')}</p>
      <StatusMessage>{reason ? t(REASON_KEYS[reason]) : null}</StatusMessage>
      <div className="signin-columns">
        <PasswordSignIn next={next} />
        <EmailLinkRequest />
      </div>
    </Page>
  );
}

function PasswordSignIn({ next }: { next: string }) {
  const { t } = useT();
  const { enter } = useSession();
  const navigate = useConsoleNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const fields: FormFields = useMemo(
    () => ({
      email: { id: 'signin-email', label: t('auth.email') },
      password: { id: 'signin-password', label: t('auth.password') },
    }),
    [t],
  );
  // 401 here means wrong credentials (never "which one"), and 429 says how long to wait.
  const form = useApiForm(fields, (error) => {
    if (!(error instanceof ApiError)) return null;
    if (error.status === 401) return t('auth.error.invalidCredentials');
    if (error.status === 403) return t('auth.error.inactive');
    if (error.status === 429)
      return error.retryAfterSeconds
        ? t('auth.error.rateLimitedFor', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
        : t('auth.error.rateLimited');
    return null;
  });

  const submit = async () => {
    const session = await form.run(() => authApi.login({ email: email.trim(), password }));
    if (!session) return;
    enter(session);
    if (isStaff(session.user)) navigate(next, { replace: true });
  };

  return (
    <section className="card" aria-labelledby="signin-password-heading">
      <h2 id="signin-password-heading">{t('auth.passwordHeading')}</h2>
      <ApiFormView form={form} submitLabel={t('auth.signIn')} onSubmit={() => void submit()}>
        <TextField
          id="signin-email"
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.error('signin-email')}
        />
        <TextField
          id="signin-password"
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.error('signin-password')}
        />
      </ApiFormView>
    </section>
  );
}

function EmailLinkRequest() {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const fields: FormFields = useMemo(() => ({ email: { id: 'link-email', label: t('auth.email') } }), [t]);
  const form = useApiForm(fields, (error) =>
    error instanceof ApiError && error.status === 429 ? t('auth.error.rateLimited') : null,
  );

  const submit = async () => {
    setSentTo(null);
    const address = email.trim();
    // 202 whatever the address: the API never says whether an account exists.
    const done = await form.run(async () => {
      await authApi.requestEmailLink({ email: address, next: '/console/' });
      return true;
    });
    if (done) setSentTo(address);
  };

  return (
    <section className="card" aria-labelledby="signin-link-heading">
      <h2 id="signin-link-heading">{t('auth.linkHeading')}</h2>
      <p>{t('auth.linkIntro')}</p>
      <ApiFormView form={form} submitLabel={t('auth.sendLink')} onSubmit={() => void submit()}>
        <TextField
          id="link-email"
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.error('link-email')}
        />
      </ApiFormView>
      <StatusMessage>{sentTo ? t('auth.linkSent', { email: sentTo }) : null}</StatusMessage>
    </section>
  );
}
