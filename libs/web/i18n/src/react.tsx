import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALES, LOCALE_NAMES, type Locale, type Messages, type TranslationKey } from './catalog';
import {
  createTranslator,
  detectLocale,
  isCatalogueLoaded,
  loadCatalogue,
  pseudoRequested,
  rememberLocale,
  urlWithLocale,
  type Translator,
} from './translator';
import { activateTranslator } from './active-translator';

const I18nContext = createContext<Translator | null>(null);

/**
 * Loads the language's catalogue on demand and renders once it is there; on a switch the page
 * keeps the previous language until the new one has arrived, so nothing flashes untranslated.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const pseudo = pseudoRequested();
  const [translator, setTranslator] = useState<Translator | null>(() =>
    isCatalogueLoaded(locale, pseudo) ? activateTranslator(createTranslator(locale, undefined, pseudo)) : null,
  );
  useEffect(() => {
    let current = true;
    const show = (shown: Locale) => (messages: Messages) => {
      if (current) setTranslator(activateTranslator(createTranslator(shown, messages, pseudo)));
    };
    loadCatalogue(locale, pseudo)
      .then(show(locale))
      // A language that cannot be loaded falls back to the city's default rather than a blank page.
      .catch(() => (locale === DEFAULT_LOCALE ? undefined : loadCatalogue(DEFAULT_LOCALE, pseudo).then(show(DEFAULT_LOCALE))))
      .catch((error: unknown) => console.error('No message catalogue could be loaded', error));
    return () => {
      current = false;
    };
  }, [locale, pseudo]);
  // Screen readers pick their voice from <html lang>, so it must follow the language shown.
  useEffect(() => {
    if (translator) document.documentElement.lang = translator.locale;
  }, [translator]);
  if (!translator) return null;
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useT(): Translator {
  const translator = useContext(I18nContext);
  if (!translator) throw new Error('useT() needs an <I18nProvider> above it');
  return translator;
}

/** Current locale plus a setter that rewrites `?lang=` in place, so a reload keeps the choice. */
export function useLocaleState(): [Locale, (locale: Locale) => void] {
  const [locale, setLocaleState] = useState<Locale>(() => detectLocale());
  useEffect(() => {
    const onPopState = () => setLocaleState(detectLocale());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const setLocale = useCallback((next: Locale) => {
    // replaceState, not pushState: switching language is not a navigation worth a Back step.
    history.replaceState(history.state, '', urlWithLocale(location.href, next));
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  return [locale, setLocale];
}

export function useDocumentTitle(key: TranslationKey): void {
  const { t } = useT();
  const title = t(key);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

export interface LanguageSwitchProps {
  onChange: (locale: Locale) => void;
  /** Every language by default: each catalogue is complete (the completeness test holds them to it). */
  locales?: readonly Locale[];
  className?: string;
}

export function LanguageSwitch({ onChange, locales = LOCALES, className }: LanguageSwitchProps) {
  // The language on screen, not the one being loaded: "current" must be what a reader hears.
  const { t, locale } = useT();
  return (
    <nav aria-label={t('lang.label')} className={className}>
      <ul>
        {locales.map((option) => {
          const current = option === locale;
          return (
            <li key={option}>
              {/* Real links so the switch works without JS and opens in a new tab on demand. */}
              <a
                href={urlWithLocale(location.href, option)}
                lang={option}
                hrefLang={option}
                aria-current={current ? 'true' : undefined}
                aria-label={current ? t('lang.current', { language: LOCALE_NAMES[option] }) : undefined}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
                  event.preventDefault();
                  onChange(option);
                }}
              >
                {LOCALE_NAMES[option]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
