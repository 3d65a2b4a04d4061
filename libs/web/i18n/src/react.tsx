import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { LOCALES, LOCALE_NAMES, type Locale, type TranslationKey } from './catalog';
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
    isCatalogueLoaded(locale, pseudo) ? createTranslator(locale, undefined, pseudo) : null,
  );
  useEffect(() => {
    let current = true;
    void loadCatalogue(locale, pseudo).then((messages) => {
      if (current) setTranslator(createTranslator(locale, messages, pseudo));
    });
    return () => {
      current = false;
    };
  }, [locale, pseudo]);
  // Screen readers pick their voice from <html lang>, so it must follow the language shown.
  useEffect(() => {
    if (!translator) return;
    document.documentElement.lang = translator.locale;
    activateTranslator(translator);
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
  locale: Locale;
  onChange: (locale: Locale) => void;
  /** Every language by default: each catalogue is complete (the completeness test holds them to it). */
  locales?: readonly Locale[];
  className?: string;
}

export function LanguageSwitch({ locale, onChange, locales = LOCALES, className }: LanguageSwitchProps) {
  const { t } = useT();
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
