import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '@plaza/shared/contracts';
import {
  NAMESPACES,
  type Locale,
  type MessageKey,
  type MessageParams,
  type Messages,
  type TranslationKey,
} from './catalog';

export interface Translator {
  readonly locale: Locale;
  t(key: TranslationKey, params?: MessageParams): string;
  formatDate(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

/** Maps a BCP 47 tag (`ca-ES`, `EN`) to a supported locale by its primary subtag. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : null;
}

function cookieLocale(cookie: string): Locale | null {
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie);
  return matchLocale(match?.[1]);
}

/** `?lang=` wins so links can be shared in a language; then the remembered choice; then the browser; then Spanish. */
export function detectLocale(
  search: string = typeof location === 'undefined' ? '' : location.search,
  languages: readonly string[] = typeof navigator === 'undefined'
    ? []
    : navigator.languages?.length
      ? navigator.languages
      : [navigator.language],
  cookie: string = typeof document === 'undefined' ? '' : document.cookie,
): Locale {
  const fromQuery = matchLocale(new URLSearchParams(search).get('lang'));
  if (fromQuery) return fromQuery;
  const remembered = cookieLocale(cookie);
  if (remembered) return remembered;
  for (const language of languages) {
    const match = matchLocale(language);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** Remembers the visitor's language for a year (no tracking: only the language code). */
export function rememberLocale(locale: Locale): void {
  if (typeof document === 'undefined') return;
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; SameSite=Lax`;
}

/** The same URL with only `lang` changed, so path, other query parameters and hash survive a switch. */
export function urlWithLocale(href: string, locale: Locale): string {
  const url = new URL(href);
  url.searchParams.set('lang', locale);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `?pseudo=1` swaps every message for a longer, accented version: hard-coded text then stands out. */
export function pseudoRequested(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  return new URLSearchParams(search).get('pseudo') === '1';
}

const loaded = new Map<string, Messages>();
const loading = new Map<string, Promise<Messages>>();

function cacheKey(locale: Locale, pseudo: boolean): string {
  return pseudo ? `${locale}+pseudo` : locale;
}

/** Loads a language's catalogue (every namespace) once; later calls share the same promise. */
export function loadCatalogue(locale: Locale, pseudo = false): Promise<Messages> {
  const key = cacheKey(locale, pseudo);
  let promise = loading.get(key);
  if (!promise) {
    promise = Promise.all(
      NAMESPACES.map(
        (namespace) =>
          import(`../messages/${locale}/${namespace}.json`) as Promise<{ default: Record<string, string> }>,
      ),
    ).then(async (modules) => {
      const messages = Object.assign({}, ...modules.map((module) => module.default)) as Messages;
      // Only a pseudo-locale run pays for the ICU printer.
      const ready = pseudo ? (await import('./pseudo-locale')).pseudoLocalise(messages) : messages;
      loaded.set(key, ready);
      return ready;
    });
    // A failed load (offline, a deploy that replaced the chunks) may be retried later.
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}

export function isCatalogueLoaded(locale: Locale, pseudo = false): boolean {
  return loaded.has(cacheKey(locale, pseudo));
}

interface CompiledMessage {
  format: IntlMessageFormat;
  /** Arguments shown as plain text: numbers among them are formatted for the locale first. */
  plainArguments: ReadonlySet<string>;
}

function plainArgumentsOf(ast: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of ast) {
    if (element.type === TYPE.argument) into.add(element.value);
    if ('options' in element) {
      for (const option of Object.values(element.options)) plainArgumentsOf(option.value, into);
    }
  }
  return into;
}

/**
 * A translator over a loaded catalogue. Tests and server-side callers can pass the messages
 * themselves; in the browser, `loadCatalogue` must have resolved first.
 */
export function createTranslator(locale: Locale, messages?: Messages, pseudo = false): Translator {
  const catalogue = messages ?? loaded.get(cacheKey(locale, pseudo));
  if (!catalogue) throw new Error(`The ${locale} catalogue is not loaded yet: await loadCatalogue('${locale}') first`);
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const compiled = new Map<string, CompiledMessage | null>();

  const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string =>
    options ? new Intl.NumberFormat(locale, options).format(value) : numberFormat.format(value);
  const formatDate = (value: Date | string | number, options?: Intl.DateTimeFormatOptions): string => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return String(value);
    return options ? new Intl.DateTimeFormat(locale, options).format(date) : dateFormat.format(date);
  };

  const compile = (key: string): CompiledMessage | null => {
    if (compiled.has(key)) return compiled.get(key) ?? null;
    const source = (catalogue as Record<string, string | undefined>)[key];
    let result: CompiledMessage | null = null;
    if (source !== undefined) {
      const ast = parse(source);
      result = { format: new IntlMessageFormat(ast, locale), plainArguments: plainArgumentsOf(ast) };
    }
    compiled.set(key, result);
    return result;
  };

  const t = (key: TranslationKey, params?: MessageParams): string => {
    const message = compile(key);
    // Showing the key beats crashing; the completeness test keeps this from reaching users.
    if (!message) return key;
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params ?? {})) {
      if (value instanceof Date) values[name] = formatDate(value);
      else if (typeof value === 'number' && message.plainArguments.has(name)) values[name] = formatNumber(value);
      else values[name] = value;
    }
    try {
      return String(message.format.format(values));
    } catch (error) {
      // A call site that forgot an argument must not take the page down: show the message as written.
      console.error(`Message ${key} could not be formatted`, error);
      return (catalogue as Record<string, string>)[key] ?? key;
    }
  };

  return { locale, t, formatDate, formatNumber };
}

export { isLocale, LOCALE_COOKIE };
export type { Locale, MessageKey, Messages };
