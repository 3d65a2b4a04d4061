import type { NamedCount, ReportCountsView, StatusCount } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { appHref, statusGroupOf, statusKey } from '@plaza/map/util';
import { Link } from 'wouter';
import { BarList } from './charts/BarList';
import { ColumnChart } from './charts/ColumnChart';
import { Figure, type FigureRow } from './Figure';
import { monthLabel, weekLabel } from './format';

/** Totals of one period split in the three groups citizens filter the map by. */
function groups(byStatus: Record<string, number>): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (const [status, n] of Object.entries(byStatus)) {
    const group = statusGroupOf(status);
    out[group === 'open' ? 0 : group === 'fixed' ? 1 : 2] += n;
  }
  return out;
}

/** Reports over time and by status, category, district and department. */
export function ReportCounts({
  reports,
  file,
  showAreas,
  showDepartments,
}: {
  reports: ReportCountsView;
  /** Prefix of the CSV files' names, e.g. "plaza-ciudad". */
  file: string;
  showAreas: boolean;
  showDepartments: boolean;
}) {
  const { t, formatNumber, formatDate } = useT();
  const fmt = (n: number) => formatNumber(n);
  const periodColumns = (first: string) => [
    { id: first, header: t(first === 'month' ? 'stats.col.month' : 'stats.col.week') },
    { id: 'reports', header: t('stats.col.reports'), numeric: true },
    { id: 'open', header: t('stats.col.open'), numeric: true },
    { id: 'fixed', header: t('stats.col.fixed'), numeric: true },
    { id: 'closed', header: t('stats.col.closed'), numeric: true },
  ];
  const periodRows = (entries: ReportCountsView['byMonth'], label: (p: string) => string): FigureRow[] =>
    entries.map((e) => ({
      key: e.period,
      values: [e.period, e.total, ...groups(e.byStatus)],
      display: [label(e.period)],
    }));
  const statusRows = (list: StatusCount[]): FigureRow[] =>
    list.map((s) => ({ key: s.status, values: [s.status, s.count], display: [t(statusKey(s.status))] }));
  const namedRows = (list: NamedCount[], none: string, href?: (code: string) => string): FigureRow[] =>
    list.map((n) => ({
      key: n.code ?? '-',
      values: [n.code ?? '', n.name ?? none, n.count],
      display: [
        n.code ?? '—',
        n.code && href ? <Link href={appHref(href(n.code))}>{n.name ?? n.code}</Link> : (n.name ?? none),
      ],
    }));
  const namedColumns = (first: 'category' | 'area' | 'department') => [
    { id: 'code', header: t('stats.col.code') },
    { id: 'name', header: t(`stats.col.${first}` as TranslationKey) },
    { id: 'reports', header: t('stats.col.reports'), numeric: true },
  ];
  const bars = (list: NamedCount[], none: string) =>
    list.map((n) => ({ key: n.code ?? '-', label: n.name ?? none, value: n.count, text: fmt(n.count) }));

  return (
    <section aria-labelledby="stats-reports">
      <h2 id="stats-reports">{t('stats.reports.heading')}</h2>
      <Figure
        title={t('stats.reports.byMonth')}
        chart={
          <ColumnChart
            points={reports.byMonth.map((m) => ({ label: monthLabel(m.period, { formatDate }), value: m.total }))}
            format={fmt}
          />
        }
        columns={periodColumns('month')}
        rows={periodRows(reports.byMonth, (p) => monthLabel(p, { formatDate }))}
        file={`${file}-avisos-mes`}
      />
      <Figure
        title={t('stats.reports.byWeek')}
        chart={
          <ColumnChart
            points={reports.byWeek.map((w) => ({ label: weekLabel(w.period, { formatDate }), value: w.total }))}
            format={fmt}
          />
        }
        columns={periodColumns('week')}
        rows={periodRows(reports.byWeek, (p) => weekLabel(p, { formatDate }))}
        file={`${file}-avisos-semana`}
      />
      <Figure
        title={t('stats.reports.byStatus')}
        chart={
          <BarList
            bars={reports.byStatus.map((s) => ({
              key: s.status,
              label: t(statusKey(s.status)),
              value: s.count,
              text: fmt(s.count),
            }))}
          />
        }
        columns={[
          { id: 'status', header: t('stats.col.status') },
          { id: 'reports', header: t('stats.col.reports'), numeric: true },
        ]}
        rows={statusRows(reports.byStatus)}
        file={`${file}-avisos-estado`}
      />
      <Figure
        title={t('stats.reports.byCategory')}
        chart={<BarList bars={bars(reports.byCategory, '—')} />}
        columns={namedColumns('category')}
        rows={namedRows(reports.byCategory, '—')}
        file={`${file}-avisos-categoria`}
      />
      {showAreas && (
        <Figure
          title={t('stats.reports.byArea')}
          chart={<BarList bars={bars(reports.byArea, t('stats.noArea'))} />}
          columns={namedColumns('area')}
          rows={namedRows(reports.byArea, t('stats.noArea'), (code) => `/stats/areas/${encodeURIComponent(code)}`)}
          file={`${file}-avisos-distrito`}
          tableOpen
        />
      )}
      {showDepartments && (
        <Figure
          title={t('stats.reports.byDepartment')}
          chart={<BarList bars={bars(reports.byDepartment, t('stats.noDepartment'))} />}
          columns={namedColumns('department')}
          rows={namedRows(
            reports.byDepartment,
            t('stats.noDepartment'),
            (code) => `/stats/departments/${encodeURIComponent(code)}`,
          )}
          file={`${file}-avisos-departamento`}
          tableOpen
        />
      )}
    </section>
  );
}
