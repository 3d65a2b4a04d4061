import type { StatsPeriodView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';

/** What the figures cover, and how they are counted, in one paragraph each. */
export function PeriodIntro({ period }: { period: StatsPeriodView }) {
  const { t, formatDate } = useT();
  const date = (day: string) => formatDate(`${day}T12:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <>
      <p className="stats-intro">{t('stats.intro', { months: period.months, from: date(period.from), to: date(period.to) })}</p>
      <details className="stats-explain">
        <summary>{t('stats.explain.heading')}</summary>
        <p>{t('stats.explain.days')}</p>
        <p>{t('stats.explain.response')}</p>
        <p>{t('stats.explain.target')}</p>
      </details>
    </>
  );
}

/** The open-data exports these figures come from (docs/open-data.md), for the same district if any. */
export function OpenDataLinks({ area }: { area: string | null }) {
  const { t } = useT();
  const query = area ? `?area=${encodeURIComponent(area)}` : '';
  return (
    <section aria-labelledby="stats-open-data" className="stats-open-data">
      <h2 id="stats-open-data">{t('stats.openData.heading')}</h2>
      <p>{t('stats.openData.body')}</p>
      <ul>
        <li>
          <a href={`/api/v1/open-data/reports.csv${query}`}>{t('stats.openData.reportsCsv')}</a>
        </li>
        <li>
          <a href={`/api/v1/open-data/reports.geojson${query}`}>{t('stats.openData.reportsGeojson')}</a>
        </li>
        <li>
          <a href={`/api/v1/open-data/proposals.csv${query}`}>{t('stats.openData.proposalsCsv')}</a>
        </li>
      </ul>
    </section>
  );
}
