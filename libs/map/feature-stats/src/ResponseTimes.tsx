import type { CategoryFigures, GroupFigures, ResponseFigures, TrendPoint } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { appHref } from '@plaza/map/util';
import { Link } from 'wouter';
import { BarList } from './charts/BarList';
import { LineChart } from './charts/LineChart';
import { Figure, type FigureColumn, type FigureRow } from './Figure';
import { days, monthLabel, percent } from './format';

/** The raw figures of one row: medians and 90th percentiles in business days, and the share in time. */
function figureValues(f: ResponseFigures): Array<number | null> {
  return [
    f.firstResponse.count,
    f.firstResponse.median,
    f.firstResponse.p90,
    f.fix.median,
    f.fix.p90,
    f.withinTarget.share,
  ];
}

function useFigureColumns(): FigureColumn[] {
  const { t } = useT();
  return [
    { id: 'answered', header: t('stats.col.measured'), numeric: true },
    { id: 'response_median_days', header: t('stats.col.responseMedian'), numeric: true },
    { id: 'response_p90_days', header: t('stats.col.responseP90'), numeric: true },
    { id: 'fix_median_days', header: t('stats.col.fixMedian'), numeric: true },
    { id: 'fix_p90_days', header: t('stats.col.fixP90'), numeric: true },
    { id: 'within_target_share', header: t('stats.col.withinTarget'), numeric: true },
  ];
}

function useFigureDisplay() {
  const { t, formatNumber } = useT();
  return (values: Array<number | null>) =>
    values.map((v, i) =>
      v === null ? t('stats.noFigure') : i === 0 ? formatNumber(v) : i === 5 ? percent(v, { formatNumber }) : days(v, { formatNumber }),
    );
}

/** Per department (city, district) or per category (department): how fast each answers. */
export function ResponseByGroup({
  groups,
  kind,
  file,
}: {
  groups: ReadonlyArray<GroupFigures | CategoryFigures>;
  kind: 'department' | 'category';
  file: string;
}) {
  const { t, formatNumber } = useT();
  const figureColumns = useFigureColumns();
  const display = useFigureDisplay();
  const none = kind === 'department' ? t('stats.noDepartment') : '—';
  const withTarget = kind === 'category';
  const columns: FigureColumn[] = [
    { id: 'code', header: t('stats.col.code') },
    { id: 'name', header: t(kind === 'department' ? 'stats.col.department' : 'stats.col.category') },
    ...(withTarget ? [{ id: 'target_days', header: t('stats.col.target'), numeric: true }] : []),
    ...figureColumns,
  ];
  const rows: FigureRow[] = groups.map((g) => {
    const target = 'targetDays' in g ? g.targetDays : null;
    const values = figureValues(g);
    const name =
      kind === 'department' && g.code ? (
        <Link href={appHref(`/stats/departments/${encodeURIComponent(g.code)}`)}>{g.name ?? g.code}</Link>
      ) : (
        (g.name ?? none)
      );
    return {
      key: g.code ?? '-',
      values: [g.code ?? '', g.name ?? none, ...(withTarget ? [target] : []), ...values],
      display: [g.code ?? '—', name, ...(withTarget ? [target === null ? '—' : formatNumber(target)] : []), ...display(values)],
    };
  });
  const measured = groups.filter((g) => g.firstResponse.median !== null);
  return (
    <Figure
      title={t(kind === 'department' ? 'stats.responses.byDepartment' : 'stats.responses.byCategory')}
      summary={t('stats.responses.byGroupSummary')}
      chart={
        <BarList
          bars={measured.map((g) => ({
            key: g.code ?? '-',
            label: g.name ?? none,
            value: g.firstResponse.median ?? 0,
            text: t('stats.days', { count: g.firstResponse.median ?? 0 }),
          }))}
        />
      }
      columns={columns}
      rows={rows}
      file={file}
      tableOpen
    />
  );
}

/** The last months, month of filing by month of filing: is the city answering faster? */
export function ResponseTrend({ trend, months, file }: { trend: readonly TrendPoint[]; months: number; file: string }) {
  const { t, formatNumber, formatDate } = useT();
  const figureColumns = useFigureColumns();
  const display = useFigureDisplay();
  return (
    <Figure
      title={t('stats.responses.trend', { months })}
      summary={t('stats.responses.trendSummary')}
      chart={
        <LineChart
          labels={trend.map((p) => monthLabel(p.month, { formatDate }))}
          series={[
            { id: 'median', name: t('stats.series.median'), values: trend.map((p) => p.firstResponse.median) },
            { id: 'p90', name: t('stats.series.p90'), values: trend.map((p) => p.firstResponse.p90), dashed: true },
          ]}
          format={(n) => formatNumber(n)}
        />
      }
      columns={[{ id: 'month', header: t('stats.col.month') }, ...figureColumns]}
      rows={trend.map((p) => {
        const values = figureValues(p);
        return { key: p.month, values: [p.month, ...values], display: [monthLabel(p.month, { formatDate }), ...display(values)] };
      })}
      file={file}
    />
  );
}
