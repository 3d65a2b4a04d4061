import { useT } from '@plaza/web/i18n';
import { StatusMessage, TextField } from '@plaza/web/ui';
import { useState } from 'react';
import { Link, Redirect, useSearch } from 'wouter';
import { authApi, useSession, type SignedOutReason } from '@plaza/web/session';
import { AccountFormView, EmailField, useAccountForm } from './AccountForm';
import type { SignInConfig } from './sign-in-config';

const PASSWORD_FIELDS = { email: 'signin-email', password: 'signin-password' };
const LINK_FIELDS = { email: 'link-email' };

const REASON_KEYS = {
  signedOut: 'auth.signedOut',
  signedOutEverywhere: 'auth.signedOutEverywhere',
  expired: 'auth.expired',
} as const;

/** /signin?next=…: password sign-in, or a one-time link by email; then back to `next`. */
export function SignInPage({ config }: { config: SignInConfig }) {
  const { t } = useT();
  const { state } = useSession();
  const { Frame, href, NotAllowed } = config;
  const next = config.safeNext(new URLSearchParams(useSearch()).get('next'));
  if (state.status === 'signedIn') {
    if (config.admits && !config.admits(state.session) && NotAllowed) return <NotAllowed />;
    return <Redirect to={href(next)} replace />;
  }
  const reason: SignedOutReason = config.showSignedOutReason && state.status === 'anonymous' ? state.reason : null;
  return (
    <Frame title={t('account.signin.title')}>
      <p className="lead">{t('account.signin.intro')}</p>
      {config.showSignedOutReason && <StatusMessage>{reason ? t(REASON_KEYS[reason]) : null}</StatusMessage>}
      <div className="account-columns">
        <PasswordSignIn next={next} config={config} />
        <EmailLinkRequest next={config.linkNext(next)} />
      </div>
      {config.signUpPath && (
        <p>
          {t('account.signin.noAccount')}{' '}
          <Link href={href(`${config.signUpPath}?next=${encodeURIComponent(next)}`)}>{t('account.signin.toSignup')}</Link>
        </p>
      )}
    </Frame>
  );
}

function PasswordSignIn({ next, config }: { next: string; config: SignInConfig }) {
  const { t } = useT();
  const { enter } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(PASSWORD_FIELDS);

  const submit = async () => {
    const session = await form.run(() => authApi.login({ email: email.trim(), password }));
    if (!session) return;
    enter(session);
    if (!config.admits || config.admits(session)) config.navigate(next, { replace: true });
  };

  return (
    <section className="account-card" aria-labelledby="signin-password-heading">
      <h2 id="signin-password-heading">{t('account.signin.passwordHeading')}</h2>
      <AccountFormView
        form={form}
        labelledBy="signin-password-heading"
        labels={{ 'signin-email': t('account.email'), 'signin-password': t('account.password') }}
        submitLabel={t('account.signin.submit')}
        onSubmit={() => void submit()}
      >
        <EmailField id="signin-email" form={form} autoComplete="username" value={email} onChange={setEmail} />
        <TextField
          id="signin-password"
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.error('signin-password')}
        />
      </AccountFormView>
    </section>
  );
}

function EmailLinkRequest({ next }: { next: string }) {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useAccountForm(LINK_FIELDS);

  const submit = async () => {
    setSentTo(null);
    const address = email.trim();
    // 202 whatever the address: the API never says whether an account exists.
    const done = await form.run(async () => {
      await authApi.requestEmailLink({ email: address, next });
      return true;
    });
    if (done) setSentTo(address);
  };

  return (
    <section className="account-card" aria-labelledby="signin-link-heading">
      <h2 id="signin-link-heading">{t('account.signin.linkHeading')}</h2>
      <p>{t('account.signin.linkIntro')}</p>
      <AccountFormView
        form={form}
        labelledBy="signin-link-heading"
        labels={{ 'link-email': t('account.email') }}
        submitLabel={t('account.signin.sendLink')}
        onSubmit={() => void submit()}
      >
        <EmailField id="link-email" form={form} autoComplete="email" value={email} onChange={setEmail} />
      </AccountFormView>
      <StatusMessage>{sentTo ? t('account.signin.linkSent', { email: sentTo }) : null}</StatusMessage>
    </section>
  );
}
