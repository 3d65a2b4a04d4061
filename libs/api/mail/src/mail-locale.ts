import { DEFAULT_LOCALE, isLocale, type Locale } from '@plaza/shared/contracts';

/** The language a mail is written in, from a stored tag (`ca`, `en-GB`); Spanish when unknown. */
export function matchLocale(tag: string | null | undefined): Locale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : DEFAULT_LOCALE;
}
