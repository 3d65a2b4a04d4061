import type { AreaStatsView, CityStatsView } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { statsApi } from '@plaza/map/data-access';
import { useLoad, type Loadable } from '@plaza/map/util';
import { BarList } from './charts/BarList';
import { ColumnChart } from './charts/ColumnChart';
import { Figure } from './Figure';
import { monthLabel } from './format';
import { OpenDataLinks, PeriodIntro } from './PeriodIntro';
import { ReportCounts } from './ReportCounts';
import { ResponseByGroup, ResponseTrend } from './ResponseTimes';
import { StatsShell } from './StatsShell';
import { SummaryFigures } from './SummaryFigures';
import './stats.css';

/** /stats: the whole city. */
export function CityStatsPage() {
  const { t, locale } = useT();
  const [result, reload] = useLoad(`stats-city-${locale}`, (signal) => statsApi.city(locale, signal));
  return (
    <StatsOverview
      result={result}
      reload={reload}
      title={() => t('stats.title.city')}
      notFound={t('stats.loadError')}
      file="plaza-ciudad"
      area={null}
    />
  );
}

/** /stats/areas/{code}: one district, the same figures for the reports filed in it. */
export function AreaStatsPage({ code }: { code: string }) {
  const { t, locale } = useT();
  const [result, reload] = useLoad(`stats-area-${code}-${locale}`, (signal) => statsApi.area(code, locale, signal));
  return (
    <StatsOverview
      result={result}
      reload={reload}
      title={(data) => (data ? t('stats.title.area', { name: data.area.name }) : t('stats.title.city'))}
      notFound={t('stats.notFound.area', { code })}
      file={`plaza-distrito-${code}`}
      area={code}
    />
  );
}

// Proposal statuses are named in the proposals catalogue (`proposalStatus.*`).
const proposalStatusKey = (status: string) => `proposalStatus.${status}` as TranslationKey;

function StatsOverview<T extends CityStatsView | AreaStatsView>({
  result,
  reload,
  title,
  notFound,
  file,
  area,
}: {
  result: Loadable<T>;
  reload(): void;
  title(data: T | null): string;
  notFound: string;
  file: string;
  area: string | null;
}) {
  const { t, formatNumber, formatDate } = useT();
  return (
    <StatsShell result={result} title={title} notFound={notFound} reload={reload}>
      {(data) => (
        <>
          <PeriodIntro period={data.period} />
          <SummaryFigures reports={data.reports.total} figures={data.responseTimes} />
          <section aria-labelledby="stats-responses">
            <h2 id="stats-responses">{t('stats.responses.heading')}</h2>
            <ResponseByGroup groups={data.byDepartment} kind="department" file={`${file}-respuesta-departamento`} />
            <ResponseTrend trend={data.trend} months={data.period.months} file={`${file}-respuesta-mes`} />
          </section>
          <ReportCounts reports={data.reports} file={file} showAreas={area === null} showDepartments />
          <section aria-labelledby="stats-proposals">
            <h2 id="stats-proposals">{t('stats.proposals.heading')}</h2>
            <Figure
              title={t('stats.proposals.byMonth')}
              chart={
                <ColumnChart
                  points={data.proposals.byMonth.map((m) => ({
                    label: monthLabel(m.period, { formatDate }),
                    value: m.total,
                  }))}
                  format={(n) => formatNumber(n)}
                />
              }
              columns={[
                { id: 'month', header: t('stats.col.month') },
                { id: 'proposals', header: t('stats.col.proposals'), numeric: true },
              ]}
              rows={data.proposals.byMonth.map((m) => ({
                key: m.period,
                values: [m.period, m.total],
                display: [monthLabel(m.period, { formatDate })],
              }))}
              file={`${file}-propuestas-mes`}
            />
            <Figure
              title={t('stats.proposals.byStatus')}
              chart={
                <BarList
                  bars={data.proposals.byStatus.map((s) => ({
                    key: s.status,
                    label: t(proposalStatusKey(s.status)),
                    value: s.count,
                    text: formatNumber(s.count),
                  }))}
                />
              }
              columns={[
                { id: 'status', header: t('stats.col.status') },
                { id: 'proposals', header: t('stats.col.proposals'), numeric: true },
              ]}
              rows={data.proposals.byStatus.map((s) => ({
                key: s.status,
                values: [s.status, s.count],
                display: [t(proposalStatusKey(s.status))],
              }))}
              file={`${file}-propuestas-estado`}
            />
          </section>
          <OpenDataLinks area={area} />
        </>
      )}
    </StatsShell>
  );
}
