import { serverTranslator } from '@plaza/api/i18n';
import { renderEmail, type OutgoingMail } from '@plaza/api/mail';
import type { Locale } from '@plaza/shared/contracts';

export interface ConfirmationMailInput {
  to: string;
  /** The language the report was filed in (`reports.reporter_locale`). */
  locale: Locale;
  reportId: string;
  name: string;
  ref: string;
  title: string;
  url: string;
  ttlHours: number;
  /** The city moderates reports of this category before publishing them. */
  moderated: boolean;
}

/** The mail that asks an anonymous reporter to confirm their report, in their language. */
export function confirmationMail(input: ConfirmationMailInput): OutgoingMail {
  const { t } = serverTranslator(input.locale);
  const body = renderEmail({
    locale: input.locale,
    heading: t('mail.reportConfirmation.heading'),
    paragraphs: [
      t('mail.greeting', { name: input.name }),
      t('mail.reportConfirmation.received', { ref: input.ref, title: input.title }),
      t('mail.reportConfirmation.why'),
      t('mail.reportConfirmation.after', { moderated: input.moderated ? 'yes' : 'no' }),
      t('mail.reportConfirmation.expiry', { hours: input.ttlHours }),
    ],
    action: { label: t('mail.reportConfirmation.action'), url: input.url },
    footer: t('mail.reportConfirmation.footer'),
  });
  return {
    to: input.to,
    subject: t('mail.reportConfirmation.subject', { ref: input.ref }),
    text: body.text,
    html: body.html,
    locale: input.locale,
    // One confirmation mail per report, whatever retries happen.
    dedupeKey: `report-confirmation:${input.reportId}`,
    // Anyone can cause one by filling the form: it waits behind sign-in links and staff mail.
    priority: 'bulk',
  };
}
