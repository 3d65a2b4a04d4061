// Public surface of @plaza/web/i18n: a dependency-free translator plus thin React bindings.
export { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES } from './catalog';
export type { Locale, MessageKey, MessageParams, Messages, PartialMessages, TranslationKey } from './catalog';
export { createTranslator, detectLocale, isLocale, matchLocale, urlWithLocale } from './translator';
export type { Translator } from './translator';
export { I18nProvider, LanguageSwitch, useDocumentTitle, useLocaleState, useT } from './react';
export type { LanguageSwitchProps } from './react';

import { createTranslator, detectLocale, type Translator } from './translator';
import type { Locale, MessageParams, TranslationKey } from './catalog';

const translators = new Map<Locale, Translator>();

/** Translate outside React in the page's current locale; re-detected per call so a switch is honoured. */
export function t(key: TranslationKey, params?: MessageParams): string {
  const locale = detectLocale();
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = createTranslator(locale)));
  return translator.t(key, params);
}
