import { serverTranslator } from '@plaza/api/i18n';
import { matchLocale, renderEmail, type OutgoingMail } from '@plaza/api/mail';
import type { AlertFrequency } from '@plaza/shared/contracts';
import { describeTarget, formatDay, type AlertReport, type AlertTarget } from './alert-texts';

/** The longest list a digest shows; the rest is a count and a link to the map. */
export const DIGEST_LIST_MAX = 30;

/** How long a confirmation link works, in days (CONFIRMATION_TTL_MS in alerts.service, which imports this file). */
const CONFIRMATION_DAYS = 7;

interface Recipient {
  email: string;
  /** The subscription's language, recorded when it was made; every mail of it is written in it. */
  locale: string;
  target: AlertTarget;
}

export function confirmationMail(
  to: Recipient & { frequency: AlertFrequency; confirmUrl: string },
): Omit<OutgoingMail, 'dedupeKey'> {
  const { t, locale } = serverTranslator(matchLocale(to.locale));
  const where = describeTarget(to.target, locale);
  const body = renderEmail({
    locale,
    heading: t('mail.alerts.confirm.heading'),
    paragraphs: [
      t('mail.alerts.confirm.asked', { where, frequency: t(`mail.alerts.frequency.${to.frequency}`) }),
      t('mail.alerts.confirm.expiry', { days: CONFIRMATION_DAYS }),
    ],
    action: { label: t('mail.alerts.confirm.action'), url: to.confirmUrl },
    footer: t('mail.alerts.confirm.ignore'),
  });
  // Anyone can cause one by filling the form: it waits behind sign-in links and staff mail.
  return { to: to.email, subject: t('mail.alerts.confirm.subject'), locale, ...body, priority: 'bulk' };
}

export function instantAlertMail(
  to: Recipient & { report: AlertReport; unsubscribeUrl: string },
): OutgoingMail {
  const { t, locale } = serverTranslator(matchLocale(to.locale));
  const where = describeTarget(to.target, locale);
  const body = renderEmail({
    locale,
    heading: t('mail.alerts.instant.heading', { where }),
    paragraphs: [
      to.report.title,
      t('mail.alerts.instant.category', { category: to.report.categoryName }),
      ...(to.report.areaName ? [t('mail.alerts.instant.area', { area: to.report.areaName })] : []),
    ],
    action: { label: t('mail.alerts.instant.action'), url: to.report.url },
    footer: t('mail.alerts.instant.footer', { where }),
    unsubscribeUrl: to.unsubscribeUrl,
  });
  return {
    to: to.email,
    subject: t('mail.alerts.instant.subject', { title: to.report.title }),
    locale,
    unsubscribeUrl: to.unsubscribeUrl,
    ...body,
  };
}

export function digestMail(
  to: Recipient & { day: string; reports: AlertReport[]; mapUrl: string; unsubscribeUrl: string },
): OutgoingMail {
  const { t, locale } = serverTranslator(matchLocale(to.locale));
  const where = describeTarget(to.target, locale);
  const day = formatDay(to.day, locale);
  const count = to.reports.length;
  const shown = to.reports.slice(0, DIGEST_LIST_MAX);
  const rest = count - shown.length;
  const body = renderEmail({
    locale,
    heading: t('mail.alerts.digest.heading', { where }),
    paragraphs: [
      t('mail.alerts.digest.intro', { count, day }),
      ...shown.map((r) =>
        t('mail.alerts.digest.item', { title: r.title, details: [r.categoryName, r.areaName].filter(Boolean).join(', '), url: r.url }),
      ),
      ...(rest > 0 ? [t('mail.alerts.digest.more', { count: rest })] : []),
    ],
    action: { label: t('mail.alerts.digest.action'), url: to.mapUrl },
    footer: t('mail.alerts.digest.footer', { where }),
    unsubscribeUrl: to.unsubscribeUrl,
  });
  return {
    to: to.email,
    subject: t('mail.alerts.digest.subject', { count, day }),
    locale,
    unsubscribeUrl: to.unsubscribeUrl,
    ...body,
  };
}
