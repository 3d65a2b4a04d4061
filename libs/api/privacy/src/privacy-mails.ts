import { serverTranslator, type ServerTranslator } from '@plaza/api/i18n';
import { matchLocale, renderEmail, type OutgoingMail } from '@plaza/api/mail';

interface Content {
  subject: string;
  paragraphs: string[];
  button: string;
  footer: string;
}

/** Writes one mail in the reader's language (`users.locale`, or the request's for a link asked without an account). */
function render(to: string, rawLocale: string, url: string, write: (t: ServerTranslator['t']) => Content): OutgoingMail {
  const { t, locale } = serverTranslator(matchLocale(rawLocale));
  const content = write(t);
  const { html, text } = renderEmail({
    locale,
    heading: content.subject,
    paragraphs: content.paragraphs,
    action: { label: content.button, url },
    footer: content.footer,
  });
  return { to, subject: content.subject, text, html, locale };
}

/** Sent to the new address: the change applies only when its owner follows the link. */
export function emailChangeMail(m: { to: string; locale: string; url: string; validHours: number }): OutgoingMail {
  return render(m.to, m.locale, m.url, (t) => ({
    subject: t('mail.emailChange.subject'),
    paragraphs: [t('mail.emailChange.asked'), t('mail.emailChange.confirm', { hours: m.validHours })],
    button: t('mail.emailChange.action'),
    footer: t('mail.emailChange.footer'),
  }));
}

/** An anonymous reporter's link to see the data the city holds from their reports. */
export function reporterDataMail(m: { to: string; locale: string; url: string; validHours: number }): OutgoingMail {
  return render(m.to, m.locale, m.url, (t) => ({
    subject: t('mail.reporterData.subject'),
    paragraphs: [t('mail.reporterData.asked'), t('mail.reporterData.link', { hours: m.validHours })],
    button: t('mail.reporterData.action'),
    footer: t('mail.reporterData.footer'),
  }));
}

/** Sent RETENTION_INACTIVE_DAYS − 30 days after the last sign-in. */
export function inactivityWarningMail(m: { to: string; name: string; locale: string; url: string; days: number }): OutgoingMail {
  return render(m.to, m.locale, m.url, (t) => ({
    subject: t('mail.inactivity.subject'),
    paragraphs: [t('mail.inactivity.intro', { name: m.name }), t('mail.inactivity.erase', { days: m.days })],
    button: t('mail.inactivity.action'),
    footer: t('mail.inactivity.footer'),
  }));
}
