import { serverTranslator } from '@plaza/api/i18n';
import { renderEmail, type OutgoingMail } from '@plaza/api/mail';
import { isLocale, type Locale } from '@plaza/shared/contracts';

/** The account's language when it has one of the site's five, else Spanish. */
const localeOf = (locale: string): Locale => (isLocale(locale) ? locale : 'es');

/**
 * To the owner of an address someone tried to sign up with (docs/security.md#sign-up): the form
 * answered as for a new address, so the owner, and only the owner, learns of it here, with the way
 * in. Written in the account's language (libs/api/i18n, namespace `mail-account-exists`).
 */
export function accountExistsMail(m: { to: string; name: string; locale: string; signInUrl: string }): OutgoingMail {
  const locale = localeOf(m.locale);
  const { t } = serverTranslator(locale);
  const subject = t('mail.accountExists.subject');
  const { html, text } = renderEmail({
    locale,
    heading: subject,
    paragraphs: [t('mail.accountExists.greeting', { name: m.name }), t('mail.accountExists.body'), t('mail.accountExists.forgot')],
    action: { label: t('mail.accountExists.action'), url: m.signInUrl },
    footer: t('mail.accountExists.footer'),
  });
  // The person may be at the sign-up form right now, as with a sign-in link.
  return { to: m.to, subject, text, html, locale, priority: 'urgent' };
}

/** The link that finishes a sign-up: it proves the mailbox and opens the first session. */
export function signupLinkMail(m: { to: string; name: string; locale: string; url: string; validMinutes: number }): OutgoingMail {
  const locale = localeOf(m.locale);
  const { t } = serverTranslator(locale);
  const subject = t('mail.signupLink.subject');
  const { html, text } = renderEmail({
    locale,
    heading: subject,
    paragraphs: [t('mail.signupLink.greeting', { name: m.name }), t('mail.signupLink.body', { hours: Math.round(m.validMinutes / 60) })],
    action: { label: t('mail.signupLink.action'), url: m.url },
    footer: t('mail.signupLink.footer'),
  });
  return { to: m.to, subject, text, html, locale, priority: 'urgent' };
}
