import { addBuckets, percentile, roundTo, toBuckets } from './percentiles';
import type { CountRow, ResponseRow, StatsPeriod } from './stats.repository';
import type {
  CategoryFigures,
  GroupFigures,
  MonthCounts,
  NamedCount,
  PeriodCounts,
  ProposalCountsView,
  ReportCountsView,
  ResponseFigures,
  StatusCount,
  TrendPoint,
} from '@plaza/shared/contracts';

// Pure assembly of the pages' figures from the repository's rows (unit-tested).

const toUtc = (day: string): Date => new Date(`${day}T00:00:00Z`);
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The last `months` calendar months up to `today`, both ends included. */
export function periodOf(today: string, months: number): StatsPeriod {
  const start = toUtc(`${today.slice(0, 7)}-01`);
  start.setUTCMonth(start.getUTCMonth() - (months - 1));
  return { from: isoDay(start), to: today };
}

export function monthsOf(period: StatsPeriod): string[] {
  const out: string[] = [];
  for (
    const d = toUtc(`${period.from.slice(0, 7)}-01`);
    isoDay(d) <= period.to;
    d.setUTCMonth(d.getUTCMonth() + 1)
  ) {
    out.push(isoDay(d).slice(0, 7));
  }
  return out;
}

/** Mondays of the ISO weeks the period touches. */
export function weeksOf(period: StatsPeriod): string[] {
  const d = toUtc(period.from);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const out: string[] = [];
  for (; isoDay(d) <= period.to; d.setUTCDate(d.getUTCDate() + 7)) out.push(isoDay(d));
  return out;
}

const byCountDesc = <T extends { count: number; code?: string | null; status?: string }>(
  a: T,
  b: T,
): number =>
  b.count - a.count || String(a.code ?? a.status ?? '').localeCompare(String(b.code ?? b.status ?? ''));

function named(rows: CountRow[], dimension: CountRow['dimension']): NamedCount[] {
  return rows
    .filter((r) => r.dimension === dimension)
    .map((r) => ({ code: r.key, name: r.label, count: r.count }))
    .sort(byCountDesc);
}

function statuses(rows: CountRow[]): StatusCount[] {
  return rows
    .filter((r) => r.dimension === 'status')
    .map((r) => ({ status: r.key ?? '', count: r.count }))
    .sort(byCountDesc);
}

/** One entry per period, zeros included, so a chart's axis has no holes. */
function series(
  rows: CountRow[],
  dimension: CountRow['dimension'],
  periods: string[],
): Map<string, PeriodCounts> {
  const out = new Map<string, PeriodCounts>(
    periods.map((period) => [period, { period, total: 0, byStatus: {} }]),
  );
  for (const r of rows) {
    if (r.dimension !== dimension || r.period === null) continue;
    const entry = out.get(r.period);
    if (!entry) continue;
    entry.total += r.count;
    entry.byStatus[r.key ?? ''] = (entry.byStatus[r.key ?? ''] ?? 0) + r.count;
  }
  return out;
}

export function reportCounts(rows: CountRow[], period: StatsPeriod): ReportCountsView {
  const byMonth = series(rows, 'month_status', monthsOf(period)) as Map<string, MonthCounts>;
  for (const entry of byMonth.values()) entry.byDepartment = {};
  for (const r of rows) {
    if (r.dimension !== 'month_department' || r.period === null) continue;
    const entry = byMonth.get(r.period);
    if (entry?.byDepartment) entry.byDepartment[r.key ?? 'none'] = r.count;
  }
  const byStatus = statuses(rows);
  return {
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    byStatus,
    byCategory: named(rows, 'category'),
    byArea: named(rows, 'area'),
    byDepartment: named(rows, 'department'),
    byMonth: [...byMonth.values()],
    byWeek: [...series(rows, 'week_status', weeksOf(period)).values()],
  };
}

export function proposalCounts(rows: CountRow[], period: StatsPeriod): ProposalCountsView {
  const byStatus = statuses(rows);
  return {
    total: byStatus.reduce((sum, s) => sum + s.count, 0),
    byStatus,
    byTheme: named(rows, 'theme'),
    byArea: named(rows, 'area'),
    byMonth: [...series(rows, 'month_status', monthsOf(period)).values()],
  };
}

class Accumulator {
  readonly response = new Map<number, number>();
  readonly fix = new Map<number, number>();
  inTime = 0;
  counted = 0;

  add(row: ResponseRow): void {
    if (row.kind === 'fix' && row.days !== null) addBuckets(this.fix, row.days, row.count);
    if (row.kind === 'response' && row.days !== null) addBuckets(this.response, row.days, row.count);
    if (row.kind === 'response' || row.kind === 'overdue') this.counted += row.count;
    if (row.kind === 'response' && row.inTime) this.inTime += row.count;
  }

  figures(): ResponseFigures {
    const figure = (histogram: Map<number, number>) => {
      const buckets = toBuckets(histogram);
      return {
        count: buckets.reduce((sum, b) => sum + b.count, 0),
        median: roundTo(percentile(buckets, 0.5), 1),
        p90: roundTo(percentile(buckets, 0.9), 1),
      };
    };
    return {
      firstResponse: figure(this.response),
      fix: figure(this.fix),
      withinTarget: {
        share: this.counted === 0 ? null : roundTo(this.inTime / this.counted, 3),
        inTime: this.inTime,
        counted: this.counted,
      },
    };
  }
}

/** The whole scope's figures. */
export function responseFigures(rows: ResponseRow[]): ResponseFigures {
  const all = new Accumulator();
  for (const row of rows) all.add(row);
  return all.figures();
}

/** Figures per month of filing, every month of the period present. */
export function responseTrend(rows: ResponseRow[], period: StatsPeriod): TrendPoint[] {
  const months = new Map(monthsOf(period).map((m) => [m, new Accumulator()]));
  for (const row of rows) months.get(row.month)?.add(row);
  return [...months].map(([month, acc]) => ({ month, ...acc.figures() }));
}

/** Figures per department or category (rows' groupKey), the busiest first. */
export function responseByGroup(rows: ResponseRow[]): CategoryFigures[] {
  const groups = new Map<string, { label: string | null; target: number | null; acc: Accumulator }>();
  for (const row of rows) {
    const key = row.groupKey ?? '';
    let group = groups.get(key);
    if (!group)
      groups.set(key, (group = { label: row.groupLabel, target: row.targetDays, acc: new Accumulator() }));
    group.acc.add(row);
  }
  return [...groups]
    .map(([code, g]) => ({
      code: code === '' ? null : code,
      name: g.label,
      targetDays: g.target,
      ...g.acc.figures(),
    }))
    .sort(
      (a, b) =>
        b.withinTarget.counted - a.withinTarget.counted || String(a.code).localeCompare(String(b.code)),
    );
}

export function withoutTarget(groups: CategoryFigures[]): GroupFigures[] {
  return groups.map(({ targetDays: _unused, ...rest }) => rest);
}
