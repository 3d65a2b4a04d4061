import {
  monthsOf,
  periodOf,
  responseByGroup,
  responseFigures,
  responseTrend,
  weeksOf,
} from './stats-figures';
import type { ResponseRow } from './stats.repository';

const row = (over: Partial<ResponseRow>): ResponseRow => ({
  groupKey: 'limpieza',
  groupLabel: 'Limpieza',
  targetDays: null,
  month: '2026-11',
  kind: 'response',
  days: 1,
  inTime: true,
  count: 1,
  ...over,
});

describe('periods', () => {
  it('counts whole calendar months back, this one included', () => {
    expect(periodOf('2026-12-03', 12)).toEqual({ from: '2026-01-01', to: '2026-12-03' });
    expect(periodOf('2026-03-31', 3)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('2026-01-15', 2)).toEqual({ from: '2025-12-01', to: '2026-01-15' });
    expect(monthsOf({ from: '2025-12-01', to: '2026-02-10' })).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it('lists the Mondays of the ISO weeks the period touches', () => {
    // 2026-11-01 is a Sunday: its week starts on Monday 26 October.
    expect(weeksOf({ from: '2026-11-01', to: '2026-11-16' })).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
  });
});

describe('response figures', () => {
  const rows: ResponseRow[] = [
    row({ days: 0, count: 1 }),
    row({ days: 1, count: 1 }),
    row({ days: 2, count: 1, month: '2026-10' }),
    row({ days: 4, inTime: false, count: 1 }),
    row({ kind: 'overdue', days: null, inTime: false, count: 1 }),
    row({ kind: 'fix', days: 4, inTime: null, count: 1 }),
    row({ kind: 'fix', days: 6, inTime: null, count: 1 }),
    row({ groupKey: 'vias', groupLabel: 'Vías', days: 9, inTime: false, count: 2 }),
  ];

  it('reads medians, 90th percentiles and the share within target off the histograms', () => {
    expect(responseFigures(rows.slice(0, 7))).toEqual({
      firstResponse: { count: 4, median: 1.5, p90: 3.4 },
      fix: { count: 2, median: 5, p90: 5.8 },
      withinTarget: { share: 0.6, inTime: 3, counted: 5 },
    });
  });

  it('splits by group, the most counted first, and by month with every month present', () => {
    const groups = responseByGroup(rows);
    expect(groups.map((g) => [g.code, g.withinTarget.counted])).toEqual([
      ['limpieza', 5],
      ['vias', 2],
    ]);
    const trend = responseTrend(rows, { from: '2026-09-01', to: '2026-11-30' });
    expect(trend.map((p) => [p.month, p.firstResponse.count])).toEqual([
      ['2026-09', 0],
      ['2026-10', 1],
      ['2026-11', 5],
    ]);
    expect(trend[0]!.withinTarget.share).toBeNull();
  });
});
