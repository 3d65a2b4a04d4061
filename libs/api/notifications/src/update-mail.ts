import { reportStatusLabel, type ProposalStatus } from '@plaza/shared/contracts';
import type { ProposalNotice, ReportNotice } from './notification-rules';
import type { RecipientRole } from './recipients';

/** Update mails are written in Spanish or English; the other interface languages read Spanish. */
export type MailLocale = 'es' | 'en';

export function mailLocale(locale: string | null | undefined): MailLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/** The words of one update mail, before layout (`renderEmail` makes the HTML and text bodies). */
export interface UpdateMailContent {
  locale: MailLocale;
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

const PROPOSAL_STATUS: Record<MailLocale, Record<Exclude<ProposalStatus, 'hidden'>, string>> = {
  es: {
    published: 'Publicada',
    under_evaluation: 'En evaluación',
    accepted: 'Aceptada',
    partially_accepted: 'Aceptada en parte',
    rejected: 'No aceptada',
    in_execution: 'En ejecución',
    completed: 'Realizada',
    withdrawn: 'Retirada',
  },
  en: {
    published: 'Published',
    under_evaluation: 'Under evaluation',
    accepted: 'Accepted',
    partially_accepted: 'Partially accepted',
    rejected: 'Not accepted',
    in_execution: 'In progress',
    completed: 'Completed',
    withdrawn: 'Withdrawn',
  },
};

export function proposalStatusLabel(status: Exclude<ProposalStatus, 'hidden'>, locale: MailLocale): string {
  return PROPOSAL_STATUS[locale][status];
}

const quote = (locale: MailLocale, text: string) => (locale === 'es' ? `«${text}»` : `“${text}”`);

export function reportUpdateMail(notice: ReportNotice, report: ReportSubject, role: RecipientRole, rawLocale: string): UpdateMailContent {
  const locale = mailLocale(rawLocale);
  const status = reportStatusLabel(notice.status, locale);
  const own = role === 'reporter';
  const es = locale === 'es';
  const subject =
    notice.kind === 'status'
      ? es
        ? `${own ? 'Tu aviso' : 'Aviso'} ${report.ref}: ${status}`
        : `${own ? 'Your report' : 'Report'} ${report.ref}: ${status}`
      : es
        ? `Respuesta del ayuntamiento ${own ? 'a tu aviso' : 'en el aviso'} ${report.ref}`
        : `The city replied ${own ? 'to your report' : 'on report'} ${report.ref}`;
  const paragraphs = [
    es ? `Aviso ${report.ref}: ${quote(locale, report.title)}.` : `Report ${report.ref}: ${quote(locale, report.title)}.`,
    notice.kind === 'status'
      ? es
        ? `Su estado ha cambiado a: ${status}.`
        : `Its status is now: ${status}.`
      : es
        ? `Estado actual: ${status}.`
        : `Current status: ${status}.`,
    ...(notice.message ? [es ? 'El ayuntamiento ha respondido:' : 'The city replied:', quote(locale, notice.message)] : []),
  ];
  return {
    locale,
    subject,
    heading: subject,
    paragraphs,
    action: { label: es ? 'Ver el aviso' : 'See the report', url: report.url },
    footer: es
      ? own
        ? 'Recibes este correo porque enviaste este aviso.'
        : 'Recibes este correo porque sigues este aviso.'
      : own
        ? 'You get this mail because you sent this report.'
        : 'You get this mail because you follow this report.',
  };
}

export function proposalUpdateMail(
  notice: ProposalNotice,
  proposal: ProposalSubject,
  role: RecipientRole,
  rawLocale: string,
): UpdateMailContent {
  const locale = mailLocale(rawLocale);
  const status = proposalStatusLabel(notice.status, locale);
  const own = role === 'author';
  const es = locale === 'es';
  const title = quote(locale, proposal.title);
  const subject =
    notice.kind === 'answer'
      ? es
        ? `Respuesta oficial a ${own ? 'tu propuesta' : 'la propuesta'} ${title}`
        : `Official answer to ${own ? 'your proposal' : 'the proposal'} ${title}`
      : es
        ? `${own ? 'Tu propuesta' : 'Propuesta'} ${title}: ${status}`
        : `${own ? 'Your proposal' : 'Proposal'} ${title}: ${status}`;
  const paragraphs =
    notice.kind === 'answer'
      ? [
          es ? `El ayuntamiento ha respondido oficialmente. Resultado: ${status}.` : `The city has given its official answer. Outcome: ${status}.`,
          ...(notice.message ? [quote(locale, notice.message)] : []),
        ]
      : [
          es ? `Su estado ha cambiado a: ${status}.` : `Its status is now: ${status}.`,
          ...(notice.message ? [quote(locale, notice.message)] : []),
        ];
  return {
    locale,
    subject,
    heading: subject,
    paragraphs,
    action: { label: es ? 'Ver la propuesta' : 'See the proposal', url: proposal.url },
    footer: es
      ? own
        ? 'Recibes este correo porque eres quien presentó esta propuesta.'
        : 'Recibes este correo porque sigues esta propuesta.'
      : own
        ? 'You get this mail because you made this proposal.'
        : 'You get this mail because you follow this proposal.',
  };
}
