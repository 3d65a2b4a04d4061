import { useT } from '@plaza/web/i18n';
import { CheckboxField, StatusMessage, TextField } from '@plaza/web/ui';
import { useState } from 'react';
import { Link, Redirect, useSearch } from 'wouter';
import type { MapSettings } from '@plaza/shared/contracts';
import { authApi, useSession } from '@plaza/web/session';
import { AccountFormView, EmailField, useAccountForm } from './AccountForm';
import { PASSWORD_MIN } from './form-errors';
import type { SignInConfig } from './sign-in-config';

const FIELDS = {
  name: 'signup-name',
  email: 'signup-email',
  password: 'signup-password',
  consent: 'signup-consent',
};

/**
 * /signup?next=…: a citizen account (name, email, password, consent). The API answers alike
 * whether or not the address already has an account (docs/security.md#sign-up), so the page always
 * says "check your mail": a new address gets the link that finishes the sign-up (and lands on
 * `next`), a taken one a note to its owner on how to sign in.
 */
export function SignUpPage({
  config,
  privacyNotice,
}: {
  config: SignInConfig;
  /** The city's notice (GET /api/v1/map/settings); undefined while it loads. */
  privacyNotice: MapSettings['privacyNotice'] | undefined;
}) {
  const { t, locale } = useT();
  const { state } = useSession();
  const { Frame, href } = config;
  const next = config.safeNext(new URLSearchParams(useSearch()).get('next'));
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [consent, setConsent] = useState(false);
  const form = useAccountForm(FIELDS);
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (state.status === 'signedIn' && !form.busy) return <Redirect to={href(next)} replace />;

  const submit = async () => {
    const address = email.trim();
    const accepted = await form.run(() =>
      authApi.signup({ name: name.trim(), email: address, password, locale, consent, next }),
    );
    if (accepted) setSentTo(address);
  };

  const notice = privacyNotice ?? null;
  return (
    <Frame title={t('account.signup.title')}>
      <p className="lead">{t('account.signup.intro')}</p>
      <section className="account-card" aria-labelledby="signup-heading">
        <h2 id="signup-heading" className="visually-hidden">
          {t('account.signup.title')}
        </h2>
        {/* Announced once the form is accepted; the form gives way to what to do next. */}
        <StatusMessage>{sentTo ? t('account.signup.checkMail', { email: sentTo }) : null}</StatusMessage>
        {sentTo ? null : (
          <AccountFormView
            form={form}
            labelledBy="signup-heading"
            labels={{
              'signup-name': t('account.name'),
              'signup-email': t('account.email'),
              'signup-password': t('account.password'),
              'signup-consent': t('account.signup.privacyHeading'),
            }}
            submitLabel={t('account.signup.submit')}
            onSubmit={() => void submit()}
          >
            <TextField
              id="signup-name"
              label={t('account.name')}
              autoComplete="name"
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={form.error('signup-name')}
            />
            <EmailField
              id="signup-email"
              form={form}
              autoComplete="email"
              value={email}
              onChange={setEmail}
            />
            <TextField
              id="signup-password"
              label={t('account.password')}
              hint={t('account.signup.passwordHint', { min: PASSWORD_MIN })}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={form.error('signup-password')}
            />
            <section className="privacy-notice" aria-labelledby="signup-privacy-heading">
              <h3 id="signup-privacy-heading">{t('account.signup.privacyHeading')}</h3>
              {/* The city's own notice (GET /api/v1/map/settings), in the language it is written in. */}
              <div lang={notice?.locale}>
                {notice ? (
                  notice.paragraphs.map((paragraph) => <p key={paragraph}>{paragraph}</p>)
                ) : (
                  <p>{t('page.loading')}</p>
                )}
              </div>
            </section>
            <CheckboxField
              id="signup-consent"
              label={t('account.signup.consent')}
              checked={consent}
              onChange={(event) => setConsent(event.target.checked)}
              error={form.error('signup-consent')}
            />
          </AccountFormView>
        )}
      </section>
      <p>
        {t('account.signup.haveAccount')}{' '}
        <Link href={href(`/signin?next=${encodeURIComponent(next)}`)}>{t('account.signup.toSignin')}</Link>
      </p>
    </Frame>
  );
}
