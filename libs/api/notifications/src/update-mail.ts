import { serverTranslator } from '@plaza/api/i18n';
import { matchLocale } from '@plaza/api/mail';
import { reportStatusLabel, type Locale, type ProposalStatus } from '@plaza/shared/contracts';
import type { ProposalNotice, ReportNotice } from './notification-rules';
import type { RecipientRole } from './recipients';

/** The words of one update mail, before layout (`renderEmail` makes the HTML and text bodies). */
export interface UpdateMailContent {
  /** The language the mail is written in: the recipient's. */
  locale: Locale;
  subject: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

/** Only what the public page shows: reference, title, status, the public message. No one's name or address. */
export interface ReportSubject {
  ref: string;
  title: string;
  url: string;
}

export interface ProposalSubject {
  id: string;
  title: string;
  url: string;
}

export function proposalStatusLabel(status: Exclude<ProposalStatus, 'hidden'>, locale: Locale): string {
  return serverTranslator(locale).t(`mail.proposalStatus.${status}`);
}

export function reportUpdateMail(notice: ReportNotice, report: ReportSubject, role: RecipientRole, rawLocale: string): UpdateMailContent {
  const { t, locale } = serverTranslator(matchLocale(rawLocale));
  const status = reportStatusLabel(notice.status, locale);
  const own = role === 'reporter' ? 'yes' : 'no';
  const subject =
    notice.kind === 'status'
      ? t('mail.update.report.statusSubject', { own, ref: report.ref, status })
      : t('mail.update.report.replySubject', { own, ref: report.ref });
  const paragraphs = [
    t('mail.update.report.intro', { ref: report.ref, title: report.title }),
    notice.kind === 'status' ? t('mail.update.statusNow', { status }) : t('mail.update.currentStatus', { status }),
    ...(notice.message ? [t('mail.update.report.replied'), t('mail.update.quote', { text: notice.message })] : []),
  ];
  return {
    locale,
    subject,
    heading: subject,
    paragraphs,
    action: { label: t('mail.update.report.action'), url: report.url },
    footer: t('mail.update.report.footer', { own }),
  };
}

export function proposalUpdateMail(
  notice: ProposalNotice,
  proposal: ProposalSubject,
  role: RecipientRole,
  rawLocale: string,
): UpdateMailContent {
  const { t, locale } = serverTranslator(matchLocale(rawLocale));
  const status = proposalStatusLabel(notice.status, locale);
  const own = role === 'author' ? 'yes' : 'no';
  const subject =
    notice.kind === 'answer'
      ? t('mail.update.proposal.answerSubject', { own, title: proposal.title })
      : t('mail.update.proposal.statusSubject', { own, title: proposal.title, status });
  const quoted = notice.message ? [t('mail.update.quote', { text: notice.message })] : [];
  const paragraphs =
    notice.kind === 'answer'
      ? [t('mail.update.proposal.answered', { status }), ...quoted]
      : [t('mail.update.statusNow', { status }), ...quoted];
  return {
    locale,
    subject,
    heading: subject,
    paragraphs,
    action: { label: t('mail.update.proposal.action'), url: proposal.url },
    footer: t('mail.update.proposal.footer', { own }),
  };
}
