// Public surface of @plaza/web/i18n: ICU MessageFormat catalogues loaded on demand, plus thin React bindings.
export { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, NAMESPACES } from './catalog';
export type { Locale, MessageKey, MessageParams, Messages, Namespace, TranslationKey } from './catalog';
export {
  LOCALE_COOKIE,
  createTranslator,
  detectLocale,
  isCatalogueLoaded,
  isLocale,
  loadCatalogue,
  matchLocale,
  pseudoRequested,
  rememberLocale,
  urlWithLocale,
} from './translator';
export type { Translator } from './translator';
export { t } from './active-translator';
export { I18nProvider, LanguageSwitch, useDocumentTitle, useLocaleState, useT } from './react';
export type { LanguageSwitchProps } from './react';
