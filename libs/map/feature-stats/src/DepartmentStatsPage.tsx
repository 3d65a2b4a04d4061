import { useT } from '@plaza/web/i18n';
import { statsApi } from '@plaza/map/data-access';
import { useLoad } from '@plaza/map/util';
import { PeriodIntro } from './PeriodIntro';
import { ReportCounts } from './ReportCounts';
import { ResponseByGroup, ResponseTrend } from './ResponseTimes';
import { StatsShell } from './StatsShell';
import { SummaryFigures } from './SummaryFigures';
import './stats.css';

/** /stats/departments/{code}: how fast one department answers, category by category. */
export function DepartmentStatsPage({ code }: { code: string }) {
  const { t, locale } = useT();
  const [result, reload] = useLoad(`stats-department-${code}-${locale}`, (signal) =>
    statsApi.department(code, locale, signal),
  );
  const file = `plaza-departamento-${code}`;
  return (
    <StatsShell
      result={result}
      reload={reload}
      title={(data) => (data ? t('stats.title.department', { name: data.department.name }) : t('stats.title.city'))}
      notFound={t('stats.notFound.department', { code })}
    >
      {(data) => (
        <>
          <PeriodIntro period={data.period} />
          <SummaryFigures reports={data.reports.total} figures={data.responseTimes} />
          <section aria-labelledby="stats-responses">
            <h2 id="stats-responses">{t('stats.responses.heading')}</h2>
            <ResponseByGroup groups={data.byCategory} kind="category" file={`${file}-respuesta-categoria`} />
            <ResponseTrend trend={data.trend} months={data.period.months} file={`${file}-respuesta-mes`} />
          </section>
          <ReportCounts reports={data.reports} file={file} showAreas showDepartments={false} />
        </>
      )}
    </StatsShell>
  );
}
