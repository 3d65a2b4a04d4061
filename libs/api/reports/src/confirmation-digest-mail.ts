import { serverTranslator } from '@plaza/api/i18n';
import { renderEmail, type OutgoingMail } from '@plaza/api/mail';
import type { Locale } from '@plaza/shared/contracts';

export interface DigestItem {
  ref: string;
  title: string;
  url: string;
}

export interface ConfirmationDigestInput {
  to: string;
  name: string;
  locale: Locale;
  /** The report whose confirmation released this digest: names the mail, so it goes once. */
  confirmedReportId: string;
  items: DigestItem[];
  ttlHours: number;
}

/** One mail with a link for each report accepted past the address's cap on pending confirmations. */
export function confirmationDigestMail(input: ConfirmationDigestInput): OutgoingMail {
  const { t } = serverTranslator(input.locale);
  const subject = t('mail.reportDigest.subject', { count: input.items.length });
  const body = renderEmail({
    locale: input.locale,
    heading: subject,
    paragraphs: [
      t('mail.greeting', { name: input.name }),
      t('mail.reportDigest.why'),
      ...input.items.map((item) => t('mail.reportDigest.item', { ref: item.ref, title: item.title, url: item.url })),
      t('mail.reportDigest.expiry', { hours: input.ttlHours }),
    ],
    footer: t('mail.reportDigest.footer'),
  });
  return {
    to: input.to,
    subject,
    text: body.text,
    html: body.html,
    locale: input.locale,
    dedupeKey: `report-confirmation-digest:${input.confirmedReportId}`,
    priority: 'bulk',
  };
}
