import { serverTranslator } from '@plaza/api/i18n';
import { matchLocale, renderEmail, type OutgoingMail } from '@plaza/api/mail';
import type { FlagTarget } from '@plaza/api/participation-data';

/** Reasons the catalogue names (`mail.hidden.reason.*`); any other reads as "another reason". */
const REASONS = new Set(['spam', 'offensive', 'personal_data', 'off_topic', 'other', 'pending_review', 'author_blocked']);

/** Tells an author why their content was hidden, and how to ask for a review (once), in their language. */
export function hiddenMail(m: {
  email: string;
  locale: string;
  publicUrl: string;
  target: FlagTarget;
  reason: string;
  provisional: boolean;
  decisionId: string;
}): OutgoingMail {
  const { t, locale } = serverTranslator(matchLocale(m.locale));
  const provisional = m.provisional ? 'yes' : 'no';
  const reason = t(`mail.hidden.reason.${REASONS.has(m.reason) ? m.reason : 'other'}`);
  const subject = t('mail.hidden.subject', { provisional });
  const { html, text } = renderEmail({
    locale,
    heading: subject,
    paragraphs: [
      t('mail.hidden.greeting'),
      t('mail.hidden.what', { provisional, target: m.target.type, reason }),
      t('mail.hidden.review', { decision: m.decisionId }),
    ],
    action: { label: t('mail.hidden.action'), url: `${m.publicUrl}/account/notifications` },
    footer: t('mail.hidden.footer'),
  });
  return { to: m.email, locale, subject, text, html };
}
