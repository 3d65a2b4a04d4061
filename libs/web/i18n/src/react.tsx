import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_LOCALE, LOCALE_NAMES, type Locale, type TranslationKey } from './catalog';
import { createTranslator, detectLocale, urlWithLocale, type Translator } from './translator';

const I18nContext = createContext<Translator>(createTranslator(DEFAULT_LOCALE));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const translator = useMemo(() => createTranslator(locale), [locale]);
  // Screen readers pick their voice from <html lang>, so it must follow the UI language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>;
}

export function useT(): Translator {
  return useContext(I18nContext);
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
  /** Only complete catalogues are offered by default; partial ones are still reachable with `?lang=`. */
  locales?: readonly Locale[];
  className?: string;
}

export function LanguageSwitch({ locale, onChange, locales = ['es', 'en'], className }: LanguageSwitchProps) {
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
