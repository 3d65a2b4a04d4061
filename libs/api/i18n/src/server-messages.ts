import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@plaza/shared/contracts';

/**
 * The API's own words (mails, feeds, Open311 notices, previews, problem details) live beside the
 * web apps' in the same format: ICU MessageFormat, one flat JSON object per language and
 * namespace under `libs/api/i18n/messages/<locale>/<namespace>.json`, which Weblate, Crowdin and
 * Transifex read. Keys are unique across namespaces (`mail.signIn.subject`), so a caller names a
 * key without its file. Every file of a language is read once, at first use.
 */
export const SERVER_MESSAGES_DIR = path.resolve(import.meta.dirname, '../messages');

export type ServerMessageValues = Record<string, string | number | Date>;

let catalogues: Map<Locale, Map<string, string>> | undefined;
const compiled = new Map<string, IntlMessageFormat>();

/** `{ namespace: { key: message } }` for one language, straight from its files. */
export function readServerCatalogue(locale: Locale, dir = SERVER_MESSAGES_DIR): Record<string, Record<string, string>> {
  const folder = path.join(dir, locale);
  return Object.fromEntries(
    readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => [file.slice(0, -'.json'.length), JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, string>]),
  );
}

function messagesOf(locale: Locale): Map<string, string> {
  catalogues ??= new Map(
    LOCALES.map((each) => [each, new Map(Object.values(readServerCatalogue(each)).flatMap((namespace) => Object.entries(namespace)))]),
  );
  return catalogues.get(locale) as Map<string, string>;
}

/** Whether some catalogue holds `key`: for callers whose key is built from data (an HTTP status, a field code). */
export function hasServerText(key: string): boolean {
  return messagesOf(DEFAULT_LOCALE).has(key);
}

/**
 * One message in `locale`, formatted with `values`. A key missing from a language falls back to
 * Spanish (the completeness test keeps that from happening); an unknown key is a programming
 * error and throws, so it cannot reach a citizen as a bare key.
 */
export function serverText(locale: Locale, key: string, values?: ServerMessageValues): string {
  const resolved = messagesOf(locale).has(key) ? locale : DEFAULT_LOCALE;
  const message = messagesOf(resolved).get(key);
  if (message === undefined) throw new Error(`Unknown server message key: ${key}`);
  const cacheKey = `${resolved}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(message, resolved);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** A translator bound to one language, for code that writes several messages for one reader. */
export interface ServerTranslator {
  readonly locale: Locale;
  t(key: string, values?: ServerMessageValues): string;
}

export function serverTranslator(locale: Locale): ServerTranslator {
  return { locale, t: (key, values) => serverText(locale, key, values) };
}
