import { renderEmail, type OutgoingMail } from '@plaza/api/mail';
import type { AlertFrequency } from '@plaza/shared/contracts';
import { alertTexts, formatDay, type AlertReport, type AlertTarget } from './alert-texts';

/** The longest list a digest shows; the rest is a count and a link to the map. */
export const DIGEST_LIST_MAX = 30;

interface Recipient {
  email: string;
  locale: string;
  target: AlertTarget;
}

export function confirmationMail(
  to: Recipient & { frequency: AlertFrequency; confirmUrl: string },
): Omit<OutgoingMail, 'dedupeKey'> {
  const t = alertTexts(to.locale);
  const body = renderEmail({
    locale: to.locale,
    heading: t.confirm.heading,
    paragraphs: [t.confirm.asked(t.where(to.target), t.frequency[to.frequency]), t.confirm.expiry],
    action: { label: t.confirm.action, url: to.confirmUrl },
    footer: t.confirm.ignore,
  });
  // Anyone can cause one by filling the form: it waits behind sign-in links and staff mail.
  return { to: to.email, subject: t.confirm.subject, locale: to.locale, ...body, priority: 'bulk' };
}

export function instantAlertMail(
  to: Recipient & { report: AlertReport; unsubscribeUrl: string },
): OutgoingMail {
  const t = alertTexts(to.locale);
  const where = t.where(to.target);
  const body = renderEmail({
    locale: to.locale,
    heading: t.instant.heading(where),
    paragraphs: [
      to.report.title,
      `${t.instant.category}: ${to.report.categoryName}`,
      ...(to.report.areaName ? [`${t.instant.area}: ${to.report.areaName}`] : []),
    ],
    action: { label: t.instant.action, url: to.report.url },
    footer: t.instant.footer(where),
    unsubscribeUrl: to.unsubscribeUrl,
  });
  return {
    to: to.email,
    subject: t.instant.subject(to.report.title),
    locale: to.locale,
    unsubscribeUrl: to.unsubscribeUrl,
    ...body,
  };
}

export function digestMail(
  to: Recipient & { day: string; reports: AlertReport[]; mapUrl: string; unsubscribeUrl: string },
): OutgoingMail {
  const t = alertTexts(to.locale);
  const where = t.where(to.target);
  const day = formatDay(to.day, to.locale);
  const shown = to.reports.slice(0, DIGEST_LIST_MAX);
  const rest = to.reports.length - shown.length;
  const body = renderEmail({
    locale: to.locale,
    heading: t.digest.heading(where),
    paragraphs: [
      t.digest.intro(to.reports.length, day),
      ...shown.map(
        (r) => `${r.title} (${[r.categoryName, r.areaName].filter(Boolean).join(', ')}): ${r.url}`,
      ),
      ...(rest > 0 ? [t.digest.more(rest)] : []),
    ],
    action: { label: t.digest.action, url: to.mapUrl },
    footer: t.digest.footer(where),
    unsubscribeUrl: to.unsubscribeUrl,
  });
  return {
    to: to.email,
    subject: t.digest.subject(to.reports.length, day),
    locale: to.locale,
    unsubscribeUrl: to.unsubscribeUrl,
    ...body,
  };
}
