import { I18nProvider, LanguageSwitch, useDocumentTitle, useLocaleState, useT, type Locale } from '@plaza/web/i18n';

export function App() {
  const [locale, setLocale] = useLocaleState();
  return (
    <I18nProvider locale={locale}>
      <ConsolePage locale={locale} onLocaleChange={setLocale} />
    </I18nProvider>
  );
}

function ConsolePage({ locale, onLocaleChange }: { locale: Locale; onLocaleChange(locale: Locale): void }) {
  const { t } = useT();
  useDocumentTitle('console.pageTitle');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <p className="brand">
          {t('app.name')} <span className="brand__tagline">{t('console.title')}</span>
        </p>
        <LanguageSwitch className="lang-switch" locale={locale} onChange={onLocaleChange} />
      </header>
      <main id="main" tabIndex={-1} className="console-main">
        <h1>{t('console.title')}</h1>
        <section className="placeholder" aria-labelledby="placeholder-heading">
          <h2 id="placeholder-heading">{t('console.placeholderHeading')}</h2>
          <p>{t('console.placeholder')}</p>
          {/* Keep the language when going back to the public site. */}
          <p>
            <a href={`/?lang=${locale}`}>{t('console.backToMap')}</a>
          </p>
        </section>
      </main>
    </>
  );
}
