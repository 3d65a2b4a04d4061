import { serverTranslator } from '@plaza/api/i18n';
import { matchLocale, renderEmail, type OutgoingMail } from '@plaza/api/mail';

interface LinkMail {
  to: string;
  name: string;
  /** The account's language (`users.locale`); the mail is written in it. */
  locale: string;
  url: string;
  /** How long the link works, in minutes. */
  validMinutes: number;
}

interface LinkContent {
  subject: string;
  /** Greeting and what the link does: before the button. */
  lead: string[];
  button: string;
  /** The "if it was not you" advice: after the button. */
  footer: string;
}

export function signInLinkMail(m: LinkMail): OutgoingMail {
  const { t, locale } = serverTranslator(matchLocale(m.locale));
  return render(m, locale, {
    subject: t('mail.signIn.subject'),
    lead: [t('mail.greeting', { name: m.name }), t('mail.signIn.what', { minutes: m.validMinutes })],
    button: t('mail.signIn.action'),
    footer: t('mail.signIn.notYou'),
  });
}

export function invitationMail(m: LinkMail): OutgoingMail {
  const { t, locale } = serverTranslator(matchLocale(m.locale));
  return render(m, locale, {
    subject: t('mail.invitation.subject'),
    lead: [
      t('mail.greeting', { name: m.name }),
      t('mail.invitation.created'),
      t('mail.invitation.what', { hours: Math.round(m.validMinutes / 60) }),
    ],
    button: t('mail.invitation.action'),
    footer: t('mail.invitation.later'),
  });
}

function render(m: LinkMail, locale: string, content: LinkContent): OutgoingMail {
  const { html, text } = renderEmail({
    locale,
    heading: content.subject,
    paragraphs: content.lead,
    action: { label: content.button, url: m.url },
    footer: content.footer,
  });
  // Someone is waiting for this link (and it works for minutes): never behind bulk mail.
  return { to: m.to, subject: content.subject, text, html, locale, priority: 'urgent' };
}
