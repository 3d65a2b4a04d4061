import { I18nProvider, LanguageSwitch, useDocumentTitle, useLocaleState, useT, type Locale } from '@plaza/web/i18n';
import { useCallback, useRef, useState } from 'react';
import { ReportsMap, type ReportsMapHandle } from './ReportsMap';
import { statusColour, statusKey, type LoadState, type ReportPoint } from './reports';

export function App() {
  const [locale, setLocale] = useLocaleState();
  return (
    <I18nProvider locale={locale}>
      <MapPage locale={locale} onLocaleChange={setLocale} />
    </I18nProvider>
  );
}

function MapPage({ locale, onLocaleChange }: { locale: Locale; onLocaleChange(locale: Locale): void }) {
  const { t } = useT();
  useDocumentTitle('map.title');
  const mapRef = useRef<ReportsMapHandle>(null);
  const [reports, setReports] = useState<ReportPoint[]>([]);
  const [state, setState] = useState<LoadState>('loading');
  const [areasFailed, setAreasFailed] = useState(false);

  const onReports = useCallback((next: ReportPoint[], nextState: LoadState) => {
    setReports(next);
    setState(nextState);
  }, []);
  const onAreasError = useCallback(() => setAreasFailed(true), []);

  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <header className="site-header">
        <h1 className="brand">
          {t('app.name')} <span className="brand__tagline">{t('app.tagline')}</span>
        </h1>
        <LanguageSwitch className="lang-switch" locale={locale} onChange={onLocaleChange} />
      </header>
      <main id="main" tabIndex={-1} className="map-layout">
        <ReportsMap ref={mapRef} onReports={onReports} onAreasError={onAreasError} />
        <section className="reports-panel" aria-labelledby="reports-heading">
          <h2 id="reports-heading">{t('reports.heading')}</h2>
          {/* One polite live region so moving the map announces the new count, not every item. */}
          <p role="status" className="reports-panel__status">
            {state === 'loading' && reports.length === 0
              ? t('reports.loading')
              : state === 'error'
                ? t('reports.error')
                : reports.length === 0
                  ? t('reports.empty')
                  : t('reports.count', { count: reports.length })}
          </p>
          {areasFailed && <p className="reports-panel__note">{t('map.areasError')}</p>}
          <ReportList reports={reports} onShow={(ref) => mapRef.current?.showReport(ref)} />
        </section>
      </main>
    </div>
  );
}

function ReportList({ reports, onShow }: { reports: ReportPoint[]; onShow(ref: string): void }) {
  const { t, formatDate } = useT();
  if (reports.length === 0) return null;
  return (
    <ol className="report-list">
      {reports.map((report) => (
        <li key={report.ref} className="report-card">
          <h3 className="report-card__title">{report.title}</h3>
          <dl className="report-card__meta">
            <dt>{t('reports.status')}</dt>
            <dd>
              <span className="swatch" style={{ background: statusColour(report.status) }} aria-hidden="true" />
              {t(statusKey(report.status))}
            </dd>
            <dt>{t('reports.category')}</dt>
            <dd>{report.category}</dd>
            <dt>{t('reports.createdAt')}</dt>
            <dd>
              <time dateTime={report.createdAt}>{formatDate(report.createdAt)}</time>
            </dd>
            <dt>{t('reports.ref')}</dt>
            <dd>{report.ref}</dd>
          </dl>
          <button
            type="button"
            className="button"
            aria-label={t('reports.showOnMapLabel', { ref: report.ref, title: report.title })}
            onClick={() => onShow(report.ref)}
          >
            {t('reports.showOnMap')}
          </button>
        </li>
      ))}
    </ol>
  );
}
