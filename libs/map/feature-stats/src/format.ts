import type { Translator } from '@plaza/web/i18n';

/** "ene 2026" for a 'YYYY-MM' month, in the page's language. */
export function monthLabel(month: string, t: Pick<Translator, 'formatDate'>): string {
  return t.formatDate(`${month}-15T12:00:00Z`, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "5 ene" for a week's Monday 'YYYY-MM-DD'. */
export function weekLabel(monday: string, t: Pick<Translator, 'formatDate'>): string {
  return t.formatDate(`${monday}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** Business days with one decimal at most. */
export function days(value: number, t: Pick<Translator, 'formatNumber'>): string {
  return t.formatNumber(value, { maximumFractionDigits: 1 });
}

export function percent(share: number, t: Pick<Translator, 'formatNumber'>): string {
  return t.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}
