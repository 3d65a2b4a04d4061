import { serverText } from '@plaza/api/i18n';
import { matchLocale } from '@plaza/api/mail';

/** What a subscription watches, already resolved to names in the subscriber's language. */
export type AlertTarget =
  | { scope: 'area'; areaName: string }
  | { scope: 'category'; categoryName: string }
  | { scope: 'radius'; lat: number; lon: number; radius: number };

/** One public report as an alert shows it: public fields only, never anything about the reporter. */
export interface AlertReport {
  ref: string;
  title: string;
  categoryName: string;
  areaName: string | null;
  url: string;
}

/**
 * "in the Centro district", "within 500 m of …": also the unsubscribe page's description.
 * Coordinates keep the dotted form maps read (a decimal comma would blur "lat, lon"); the radius
 * is a number formatted for the language.
 */
export function describeTarget(target: AlertTarget, locale: string): string {
  return serverText(matchLocale(locale), 'mail.alerts.where', {
    scope: target.scope,
    area: target.scope === 'area' ? target.areaName : '',
    category: target.scope === 'category' ? target.categoryName : '',
    radius: target.scope === 'radius' ? target.radius : 0,
    lat: target.scope === 'radius' ? target.lat.toFixed(5) : '',
    lon: target.scope === 'radius' ? target.lon.toFixed(5) : '',
  });
}

/**
 * A day (YYYY-MM-DD, already the city's calendar day) as people write it in `locale`: "22 de
 * noviembre de 2026", "22 November 2026"… Formatted at noon UTC so no time zone moves it.
 */
export function formatDay(day: string, locale: string): string {
  const lang = matchLocale(locale);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
