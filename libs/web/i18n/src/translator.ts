import {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Messages,
  type PartialMessages,
  type TranslationKey,
} from './catalog';
import { ca } from './messages/ca';
import { en } from './messages/en';
import { es } from './messages/es';
import { eu } from './messages/eu';
import { gl } from './messages/gl';

const CATALOGS: Record<Locale, PartialMessages> = { es, en, ca, eu, gl };
// Spanish is the city's language and always complete; English is the last resort.
const FALLBACKS: readonly PartialMessages[] = [es, en];

export interface Translator {
  readonly locale: Locale;
  t(key: TranslationKey, params?: MessageParams): string;
  formatDate(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag (`ca-ES`, `EN`) to a supported locale by its primary subtag. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

/** `?lang=` wins so links can be shared in a language; then the browser's preferences; then Spanish. */
export function detectLocale(
  search: string = typeof location === 'undefined' ? '' : location.search,
  languages: readonly string[] = typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language],
): Locale {
  const fromQuery = matchLocale(new URLSearchParams(search).get('lang'));
  if (fromQuery) return fromQuery;
  for (const language of languages) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** The same URL with only `lang` changed, so path, other query parameters and hash survive a switch. */
export function urlWithLocale(href: string, locale: Locale): string {
  const url = new URL(href);
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}${url.hash}`;
}

function lookup(catalog: PartialMessages, key: string): string | undefined {
  return (catalog as Record<string, string | undefined>)[key];
}

export function createTranslator(locale: Locale): Translator {
  const chain = [CATALOGS[locale], ...FALLBACKS];
  const plural = new Intl.PluralRules(locale);
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

  const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
    options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value);
  const formatDate = (value: Date | string | number, options?: Intl.DateTimeFormatOptions): string => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    return options ? new Intl.DateTimeFormat(locale, options).format(date) : dateFormat.format(date);
  };

  const resolve = (key: string): string | undefined => {
    for (const catalog of chain) {
      const message = lookup(catalog, key);
      if (message !== undefined) return message;
    }
    return undefined;
  };

  const t = (key: TranslationKey, params?: MessageParams): string => {
    const count = params?.['count'];
    const message =
      (typeof count === 'number' ? (resolve(`${key}.${plural.select(count)}`) ?? resolve(`${key}.other`)) : undefined) ??
      resolve(key) ??
      // Showing the key beats crashing; it also makes a missing message obvious in review.
      key;
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return formatNumber(value);
      if (value instanceof Date) return formatDate(value);
      return value;
    });
  };

  return { locale, t, formatDate, formatNumber };
}

export type { Locale, MessageKey, Messages };
