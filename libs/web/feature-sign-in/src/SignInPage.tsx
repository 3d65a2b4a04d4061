import { useT } from '@plaza/web/i18n';
import { StatusMessage, TextField } from '@plaza/web/ui';
import { useState } from 'react';
import { Redirect, useSearch } from 'wouter';
import { authApi, useSession, type SignedOutReason } from '@plaza/web/session';
import { AccountFormView, EmailField, useAccountForm } from './AccountForm';
import { AppLink } from './AppLink';
import { CITIZEN_ERRORS, CITIZEN_LAYOUT, CITIZEN_TEXTS, type SignInConfig } from './sign-in-config';

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
  const texts = config.texts ?? CITIZEN_TEXTS;
  const layout = config.layout ?? CITIZEN_LAYOUT;
  const next = config.safeNext(new URLSearchParams(useSearch()).get('next'));
  if (state.status === 'signedIn') {
    if (config.admits && !config.admits(state.session) && NotAllowed) return <NotAllowed />;
    return <Redirect to={href(next)} replace />;
  }
  const reason: SignedOutReason = config.showSignedOutReason && state.status === 'anonymous' ? state.reason : null;
  return (
    <Frame title={t(texts.title)} documentTitle={texts.documentTitle && t(texts.documentTitle)}>
      <p className="lead">{t(texts.intro)}</p>
      {config.showSignedOutReason && <StatusMessage>{reason ? t(REASON_KEYS[reason]) : null}</StatusMessage>}
      <div className={layout.columns}>
        <PasswordSignIn next={next} config={config} />
        <EmailLinkRequest next={config.linkNext(next)} config={config} />
      </div>
      {config.signUpPath && (
        <p>
          {t('account.signin.noAccount')}{' '}
          <AppLink config={config} href={`${config.signUpPath}?next=${encodeURIComponent(next)}`}>
            {t('account.signin.toSignup')}
          </AppLink>
        </p>
      )}
    </Frame>
  );
}

function PasswordSignIn({ next, config }: { next: string; config: SignInConfig }) {
  const { t } = useT();
  const { enter } = useSession();
  const texts = config.texts ?? CITIZEN_TEXTS;
  const layout = config.layout ?? CITIZEN_LAYOUT;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(PASSWORD_FIELDS, (config.errors ?? CITIZEN_ERRORS).password);

  const submit = async () => {
    const session = await form.run(() => authApi.login({ email: email.trim(), password }));
    if (!session) return;
    enter(session);
    if (!config.admits || config.admits(session)) config.navigate(next, { replace: true });
  };

  return (
    <section className={layout.card} aria-labelledby="signin-password-heading">
      <h2 id="signin-password-heading">{t(texts.passwordHeading)}</h2>
      <AccountFormView
        form={form}
        labelledBy={layout.namedForms ? 'signin-password-heading' : undefined}
        labels={{ 'signin-email': t(texts.email), 'signin-password': t(texts.password) }}
        summaryTitle={t(texts.errorSummary)}
        className={layout.form}
        actionsClassName={layout.actions}
        submitLabel={t(texts.submit)}
        onSubmit={() => void submit()}
      >
        <EmailField
          id="signin-email"
          form={form}
          label={t(texts.email)}
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <TextField
          id="signin-password"
          label={t(texts.password)}
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

function EmailLinkRequest({ next, config }: { next: string; config: SignInConfig }) {
  const { t } = useT();
  const texts = config.texts ?? CITIZEN_TEXTS;
  const layout = config.layout ?? CITIZEN_LAYOUT;
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useAccountForm(LINK_FIELDS, (config.errors ?? CITIZEN_ERRORS).linkRequest);

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
    <section className={layout.card} aria-labelledby="signin-link-heading">
      <h2 id="signin-link-heading">{t(texts.linkHeading)}</h2>
      <p>{t(texts.linkIntro)}</p>
      <AccountFormView
        form={form}
        labelledBy={layout.namedForms ? 'signin-link-heading' : undefined}
        labels={{ 'link-email': t(texts.email) }}
        summaryTitle={t(texts.errorSummary)}
        className={layout.form}
        actionsClassName={layout.actions}
        submitLabel={t(texts.sendLink)}
        onSubmit={() => void submit()}
      >
        <EmailField id="link-email" form={form} label={t(texts.email)} autoComplete="email" value={email} onChange={setEmail} />
      </AccountFormView>
      <StatusMessage>{sentTo ? t(texts.linkSent, { email: sentTo }) : null}</StatusMessage>
    </section>
  );
}
