import type alerts from '../messages/es/alerts.json';
import type cases from '../messages/es/cases.json';
import type common from '../messages/es/common.json';
import type confirmation from '../messages/es/confirmation.json';
import type deliveries from '../messages/es/deliveries.json';
import type dispatch from '../messages/es/dispatch.json';
import type inbox from '../messages/es/inbox.json';
import type notifications from '../messages/es/notifications.json';
import type participation from '../messages/es/participation.json';
import type proposals from '../messages/es/proposals.json';
import type stats from '../messages/es/stats.json';
import type privacy from '../messages/es/privacy.json';
import type languages from '../messages/es/languages.json';

import type { Locale } from '@plaza/shared/contracts';

export { DEFAULT_LOCALE, LOCALES } from '@plaza/shared/contracts';
export type { Locale } from '@plaza/shared/contracts';

// Endonyms are data, not UI copy: a language is always offered in its own name.
export const LOCALE_NAMES: Record<Locale, string> = {
  es: 'Español',
  en: 'English',
  ca: 'Català',
  eu: 'Euskara',
  gl: 'Galego',
};

/**
 * Messages live in `libs/web/i18n/messages/<locale>/<namespace>.json` as ICU MessageFormat, the
 * format translation platforms (Weblate, Crowdin, Transifex) read. One file per namespace keeps
 * files reviewable; a language is loaded as a whole, on demand.
 */
export const NAMESPACES = [
  'common',
  'alerts',
  'cases',
  'confirmation',
  'deliveries',
  'dispatch',
  'inbox',
  'notifications',
  'participation',
  'proposals',
  'stats',
  'privacy',
  'languages',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

// Spanish is the reference catalogue: its keys define `MessageKey`; the completeness test holds
// every other language to the same keys and arguments.
type SpanishCatalogue = typeof common &
  typeof alerts &
  typeof cases &
  typeof confirmation &
  typeof deliveries &
  typeof dispatch &
  typeof inbox &
  typeof notifications &
  typeof participation &
  typeof proposals &
  typeof stats &
  typeof privacy &
  typeof languages;

export type MessageKey = keyof SpanishCatalogue;
export type Messages = Record<MessageKey, string>;
/** Kept as an alias: plural forms are ICU `{count, plural, …}` inside one key now. */
export type TranslationKey = MessageKey;

export type MessageParams = Record<string, string | number | Date>;
