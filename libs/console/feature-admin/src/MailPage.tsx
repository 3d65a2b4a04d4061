import type { MailMessageView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { DataTable, type Column } from '@plaza/web/ui';
import { adminApi, type MailSummary, useLoad } from '@plaza/console/data-access';
import { ConsoleLink, LoadStatus, Page } from '@plaza/console/ui';

/** With no SMTP configured the API keeps outgoing mail; this is where staff can read it. */
export function MailListPage() {
  const { t, formatDate } = useT();
  const [state, reload] = useLoad(() => adminApi.mail());
  const messages = state.data ?? [];
  const columns: Column<MailSummary>[] = [
    {
      id: 'subject',
      header: t('admin.mail.subject'),
      rowHeader: true,
      cell: (m) => <ConsoleLink href={`/admin/mail/${encodeURIComponent(m.id)}`}>{m.subject}</ConsoleLink>,
    },
    { id: 'to', header: t('admin.mail.to'), cell: (m) => m.to },
    {
      id: 'at',
      header: t('admin.mail.at'),
      cell: (m) => <time dateTime={m.createdAt}>{formatDate(m.createdAt, { dateStyle: 'short', timeStyle: 'medium' })}</time>,
    },
  ];
  return (
    <Page title={t('admin.mail.title')}>
      <p className="lead">{t('admin.mail.summary')}</p>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.mail.caption', { count: messages.length })}
        columns={columns}
        rows={messages}
        rowKey={(m) => m.id}
        empty={t('admin.mail.empty')}
      />
    </Page>
  );
}

export function MailMessagePage({ id }: { id: string }) {
  const { t, formatDate } = useT();
  const [state, reload] = useLoad(() => adminApi.mailMessage(id), [id]);
  const message: MailMessageView | null = state.data;
  return (
    <Page title={message ? t('admin.mail.messageTitle', { subject: message.subject }) : t('admin.mail.message')}>
      <p>
        <ConsoleLink href="/admin/mail">{t('admin.mail.back')}</ConsoleLink>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      {message && (
        <>
          <dl className="meta-list">
            <dt>{t('admin.mail.to')}</dt>
            <dd>{message.to}</dd>
            <dt>{t('admin.mail.subject')}</dt>
            <dd>{message.subject}</dd>
            <dt>{t('admin.mail.at')}</dt>
            <dd>
              <time dateTime={message.createdAt}>{formatDate(message.createdAt, { dateStyle: 'long', timeStyle: 'medium' })}</time>
            </dd>
          </dl>
          <section aria-labelledby="mail-text-heading">
            <h2 id="mail-text-heading">{t('admin.mail.text')}</h2>
            <pre className="mail-text">
              {message.text}
            </pre>
          </section>
          <section aria-labelledby="mail-html-heading">
            <h2 id="mail-html-heading">{t('admin.mail.html')}</h2>
            {message.html ? (
              // sandbox="" : no scripts, no forms, no navigation, a unique origin. The mail is
              // shown as the recipient would see it, and can do nothing to the console.
              <iframe className="mail-html" sandbox="" srcDoc={message.html} title={t('admin.mail.htmlFrame', { subject: message.subject })} />
            ) : (
              <p>{t('admin.mail.noHtml')}</p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
