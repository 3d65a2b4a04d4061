import type { es } from './messages/es';

export const LOCALES = ['es', 'en', 'ca', 'eu', 'gl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'es';

// Endonyms are data, not UI copy: a language is always offered in its own name.
export const LOCALE_NAMES: Record<Locale, string> = {
  es: 'Español',
  en: 'English',
  ca: 'Català',
  eu: 'Euskara',
  gl: 'Galego',
};

export type MessageKey = keyof typeof es;
export type Messages = Record<MessageKey, string>;
export type PartialMessages = Partial<Messages>;

// `t('reports.count', { count })` picks `reports.count.one|other` through Intl.PluralRules.
type PluralBase<K> = K extends `${infer Base}.other` ? Base : never;
export type TranslationKey = MessageKey | PluralBase<MessageKey>;

export type MessageParams = Record<string, string | number | Date>;
