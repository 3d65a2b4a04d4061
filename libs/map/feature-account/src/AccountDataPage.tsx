import { useT } from '@plaza/web/i18n';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { AccountData } from '@plaza/shared/contracts';
import { accountDataApi, ACCOUNT_DATA_URL } from '@plaza/map/data-access';
import { AccountPage } from '@plaza/map/ui';
import { appHref, apiErrorStatus, useLoad } from '@plaza/map/util';
import { AlertMessage, Button, CheckboxField, Dialog, StatusMessage, TextField } from '@plaza/web/ui';
import { useSession } from '@plaza/web/session';
import { MyContributions } from './MyContributions';

/**
 * /account/data (docs/privacy.md): everything Plaza keeps about the signed-in citizen, readable
 * here and downloadable as JSON; corrections; erasure with a confirmation. Anonymous reporters
 * ask for a mailed link, which opens this page with `?reporter-token=`.
 */
export function AccountDataPage() {
  const { t } = useT();
  const { state } = useSession();
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const reporterToken = params.get('reporter-token');
  const emailToken = params.get('email-token');
  return (
    <AccountPage title={t('privacy.title')}>
      {reporterToken ? (
        <ReporterData token={reporterToken} />
      ) : state.status === 'anonymous' ? (
        <RequestLink />
      ) : state.status === 'signedIn' ? (
        <SignedInData emailToken={emailToken} />
      ) : null}
    </AccountPage>
  );
}

function ReporterData({ token }: { token: string }) {
  const { t } = useT();
  const [loaded] = useLoad(`reporter:${token}`, (signal) => accountDataApi.reporter(token, signal));
  if (loaded.state === 'loading') return <StatusMessage>{t('privacy.loading')}</StatusMessage>;
  if (loaded.state !== 'ready') return <AlertMessage>{t('privacy.linkInvalid')}</AlertMessage>;
  return <DataSections data={loaded.data} />;
}

function RequestLink() {
  const { t } = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await accountDataApi.requestReporterLink(email.trim());
      setSent(email.trim());
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>
        <Link href={appHref('/signin?next=%2Faccount%2Fdata')}>{t('privacy.anonymous.signIn')}</Link>
      </p>
      <section aria-labelledby="reporter-link" className="account-card">
        <h2 id="reporter-link">{t('privacy.anonymous.heading')}</h2>
        <p>{t('privacy.anonymous.intro')}</p>
        <form className="account-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id="reporter-email"
            type="email"
            autoComplete="email"
            required
            label={t('privacy.anonymous.email')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" variant="primary" busy={busy}>
            {t('privacy.anonymous.submit')}
          </Button>
        </form>
        <StatusMessage>{sent ? t('privacy.anonymous.sent', { email: sent }) : null}</StatusMessage>
        <AlertMessage>{failed ? t('privacy.actionFailed') : null}</AlertMessage>
      </section>
    </>
  );
}

function SignedInData({ emailToken }: { emailToken: string | null }) {
  const { t } = useT();
  const [confirmation, setConfirmation] = useState<{ ok: boolean; email?: string } | null>(null);
  const [loaded, reload] = useLoad(`mine:${confirmation?.email ?? ''}`, (signal) => accountDataApi.get(signal));
  const confirming = useRef(false);

  useEffect(() => {
    if (!emailToken || confirming.current) return;
    confirming.current = true;
    accountDataApi.confirmEmail(emailToken).then(
      ({ email }) => {
        setConfirmation({ ok: true, email });
        // The token has done its job: it should not stay in the address bar or the history.
        history.replaceState(null, '', appHref('/account/data'));
      },
      () => setConfirmation({ ok: false }),
    );
  }, [emailToken]);

  return (
    <>
      <StatusMessage>{confirmation?.ok ? t('privacy.emailConfirmed', { email: confirmation.email ?? '' }) : null}</StatusMessage>
      <AlertMessage>{confirmation && !confirmation.ok ? t('privacy.linkInvalid') : null}</AlertMessage>
      {loaded.state === 'loading' && <StatusMessage>{t('privacy.loading')}</StatusMessage>}
      {(loaded.state === 'error' || loaded.state === 'not-found') && <AlertMessage>{t('privacy.loadFailed')}</AlertMessage>}
      {loaded.state === 'ready' && (
        <>
          <p>{t('privacy.intro')}</p>
          <p>
            <a className="ui-button ui-button--secondary" href={ACCOUNT_DATA_URL} download>
              {t('privacy.download')}
            </a>
          </p>
          <DataSections data={loaded.data} />
          <CorrectForm data={loaded.data} onSaved={reload} />
          <DeleteAccount />
        </>
      )}
    </>
  );
}

function DataSections({ data }: { data: AccountData }) {
  const { t, formatDate } = useT();
  return (
    <>
      <p className="privacy-staff-views">{t('privacy.staffViews', { count: data.staffContactViews })}</p>
      {data.account && (
        <section aria-labelledby="my-account" className="account-card">
          <h2 id="my-account">{t('privacy.account.heading')}</h2>
          <dl className="my-facts">
            <dt>{t('privacy.field.name')}</dt>
            <dd>{data.account.name}</dd>
            <dt>{t('privacy.field.email')}</dt>
            <dd>{data.account.email}</dd>
            <dt>{t('privacy.field.since')}</dt>
            <dd>{formatDate(data.account.createdAt, { dateStyle: 'long' })}</dd>
          </dl>
        </section>
      )}
      <MyContributions data={data} />
      {data.reports.length > 0 && (
        <section aria-labelledby="my-contact" className="account-card">
          <h2 id="my-contact">{t('privacy.contact.heading')}</h2>
          <ul className="my-list">
            {data.reports.map((report) => (
              <li key={report.ref}>
                {report.ref}: {[report.contact.name, report.contact.email, report.contact.phone].filter(Boolean).join(' · ')}{' '}
                <span className="my-list__meta">
                  {t(report.contact.showName ? 'privacy.contact.namePublic' : 'privacy.contact.namePrivate')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="my-activity" className="account-card">
        <h2 id="my-activity">{t('privacy.activity.heading')}</h2>
        <ul className="my-list">
          <li>{t('privacy.activity.comments', { count: data.comments.length })}</li>
          <li>{t('privacy.activity.supports', { count: data.supports.length })}</li>
          <li>{t('privacy.activity.follows', { count: data.follows.length })}</li>
          <li>{t('privacy.activity.alerts', { count: data.alerts.length })}</li>
        </ul>
      </section>
      <section aria-labelledby="my-consents" className="account-card">
        <h2 id="my-consents">{t('privacy.consents.heading')}</h2>
        {data.consents.length === 0 ? (
          <p>{t('privacy.consents.empty')}</p>
        ) : (
          <ul className="my-list">
            {data.consents.map((consent, i) => (
              <li key={`${consent.at}-${i}`}>
                {t('privacy.consents.item', {
                  date: formatDate(consent.at, { dateStyle: 'medium', timeStyle: 'short' }),
                  form: t(`privacy.form.${consent.form}` as 'privacy.form.report'),
                  channel: t(`privacy.channel.${consent.channel}` as 'privacy.channel.web'),
                  version: consent.noticeVersion,
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function CorrectForm({ data, onSaved }: { data: AccountData; onSaved: () => void }) {
  const { t } = useT();
  const [name, setName] = useState(data.account?.name ?? '');
  const [email, setEmail] = useState(data.account?.email ?? '');
  const [phone, setPhone] = useState(data.reports.find((r) => r.contact.phone)?.contact.phone ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [phoneError, setPhoneError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    setMessage(null);
    setPhoneError(undefined);
    try {
      const changedEmail = email.trim().toLowerCase() !== data.account?.email ? email.trim() : undefined;
      const result = await accountDataApi.correct({
        name: name.trim(),
        ...(data.reports.length > 0 ? { phone: phone.trim() } : {}),
        ...(changedEmail ? { email: changedEmail } : {}),
      });
      setMessage(result.emailConfirmationSent ? t('privacy.correct.emailSent', { email: changedEmail ?? '' }) : t('privacy.correct.saved'));
      onSaved();
    } catch (error) {
      if (apiErrorStatus(error) === 422) setPhoneError(t('privacy.correct.invalid'));
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="correct" className="account-card">
      <h2 id="correct">{t('privacy.correct.heading')}</h2>
      <form className="account-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField id="correct-name" label={t('privacy.field.name')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          id="correct-email"
          type="email"
          autoComplete="email"
          label={t('privacy.field.email')}
          hint={t('privacy.correct.emailHint')}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        {data.reports.length > 0 && (
          <TextField
            id="correct-phone"
            type="tel"
            autoComplete="tel"
            label={t('privacy.field.phone')}
            hint={t('privacy.correct.phoneHint')}
            error={phoneError}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        )}
        <Button type="submit" variant="primary" busy={busy}>
          {t('privacy.correct.submit')}
        </Button>
      </form>
      <StatusMessage>{message}</StatusMessage>
      <AlertMessage>{failed ? t('privacy.actionFailed') : null}</AlertMessage>
    </section>
  );
}

function DeleteAccount() {
  const { t } = useT();
  const { signOut } = useSession();
  const [understood, setUnderstood] = useState(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const erase = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await accountDataApi.erase();
      // The server ended the session; the app forgets it (the logout call's 401 is expected).
      await signOut(false).catch(() => undefined);
      location.assign(appHref('/?account=erased'));
    } catch {
      setFailed(true);
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <section aria-labelledby="delete-account" className="account-card">
      <h2 id="delete-account">{t('privacy.delete.heading')}</h2>
      <p>{t('privacy.delete.explain')}</p>
      <CheckboxField
        id="delete-understood"
        label={t('privacy.delete.understood')}
        checked={understood}
        onChange={(e) => setUnderstood(e.target.checked)}
      />
      <p>
        <Button variant="danger" disabled={!understood} onClick={() => setOpen(true)}>
          {t('privacy.delete.submit')}
        </Button>
      </p>
      <AlertMessage>{failed ? t('privacy.actionFailed') : null}</AlertMessage>
      <Dialog open={open} title={t('privacy.delete.dialogTitle')} closeLabel={t('privacy.delete.cancel')} onClose={() => setOpen(false)}>
        <p>{t('privacy.delete.dialogText')}</p>
        <p className="dialog-actions">
          <Button variant="danger" busy={busy} onClick={() => void erase()}>
            {t('privacy.delete.confirm')}
          </Button>{' '}
          <Button onClick={() => setOpen(false)}>{t('privacy.delete.cancel')}</Button>
        </p>
      </Dialog>
    </section>
  );
}
