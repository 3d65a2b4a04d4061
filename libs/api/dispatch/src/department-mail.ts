import { serverTranslator } from '@plaza/api/i18n';
import { renderEmail, type OutgoingMail } from '@plaza/api/mail';
import { pickText, type Locale, type LocalizedText } from '@plaza/shared/contracts';

/** A case as a department receives it: everything needed to act, including how to reach the reporter. */
export interface DispatchCase {
  reportId: string;
  ref: string;
  title: string;
  description: string;
  categoryCode: string;
  /** In every language the data holds; the mail picks its own. */
  categoryName: LocalizedText;
  address: string | null;
  lat: number;
  lon: number;
  reporterName: string;
  reporterEmail: string | null;
  reporterPhone: string | null;
  photoUrls: string[];
  departmentId: string;
  departmentName: LocalizedText;
  /** The department's mail language (departments.locale). */
  locale: Locale;
}

export function caseConsoleUrl(publicUrl: string, ref: string): string {
  return `${publicUrl}/console/cases/${encodeURIComponent(ref)}`;
}

/**
 * Coordinates stay in the dotted form maps and GPS tools read, whatever the mail's language: a
 * decimal comma would make "40,416800, -3,703800" ambiguous.
 */
function coordinates(c: Pick<DispatchCase, 'lat' | 'lon'>): string {
  return `${c.lat.toFixed(6)}, ${c.lon.toFixed(6)}`;
}

/** The mail to a department's contact address for one case routed to it, in the department's language unless told otherwise. */
export function departmentMail(to: string, c: DispatchCase, publicUrl: string, locale: Locale = c.locale): OutgoingMail {
  const { t } = serverTranslator(locale);
  const category = pickText(c.categoryName, locale);
  const department = pickText(c.departmentName, locale);
  const place = c.address ? `${c.address} (${coordinates(c)})` : coordinates(c);
  const reporter = [c.reporterName, c.reporterEmail, c.reporterPhone].filter(Boolean).join(' · ');
  const { html, text } = renderEmail({
    locale,
    heading: t('mail.dispatch.heading', { department, ref: c.ref }),
    paragraphs: [
      c.title,
      t('mail.dispatch.category', { category }),
      t('mail.dispatch.place', { place }),
      t('mail.dispatch.description', { description: c.description }),
      t('mail.dispatch.reporter', { reporter }),
      t('mail.dispatch.photos', { count: c.photoUrls.length, urls: c.photoUrls.join(' ') }),
    ],
    action: { label: t('mail.dispatch.action', { ref: c.ref }), url: caseConsoleUrl(publicUrl, c.ref) },
    footer: t('mail.dispatch.footer', { department }),
  });
  return {
    to,
    subject: t('mail.dispatch.subject', { ref: c.ref, category, title: c.title }),
    text,
    html,
    locale,
    // One mail per case and department, however many times the routing event is replayed.
    dedupeKey: `dispatch-email:${c.reportId}:${c.departmentId}`,
  };
}
