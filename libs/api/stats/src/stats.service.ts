import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { Locale } from '@plaza/shared/contracts';
import { StatsErrors } from './stats.errors';
import {
  periodOf,
  proposalCounts,
  reportCounts,
  responseByGroup,
  responseFigures,
  responseTrend,
  withoutTarget,
} from './stats-figures';
import { StatsRepository, type StatsScope } from './stats.repository';
import { STATS_MONTHS } from './stats-query';
import type {
  AreaStatsView,
  CityStatsView,
  DepartmentStatsView,
  ReportDepartmentStatsView,
  ServiceTargetsView,
  StatsPeriodView,
} from '@plaza/shared/contracts';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const REF = /^[A-Za-z0-9-]{1,32}$/;
/** Views kept per process: (city + areas + departments) × months × languages actually asked for. */
const CACHE_ENTRIES = 500;

/** A computed view and the version of the figures it shows. */
interface CachedView {
  version: string;
  view: Promise<object>;
  /** When it was computed (ms): how stale it may be served, see STATS_REFRESH_SECONDS. */
  computedAt: number;
  settled: boolean;
  /** Its successor is being computed in the background. */
  refreshing: boolean;
}

/**
 * The public figures: only filed, moderated reports and visible proposals ever reach the tables
 * read here. A view is computed once per version of the figures (stats_version_seq, which every
 * change moves, and the hour) and served from memory until the next change — or, with
 * STATS_REFRESH_SECONDS, until its successor has been computed in the background.
 */
@Injectable()
export class StatsService {
  private readonly cache = new Map<string, CachedView>();
  private readonly refreshMs: number;

  constructor(
    private readonly repo: StatsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.refreshMs = config.stats.refreshSeconds * 1000;
  }

  city(months: number, locale: Locale): Promise<CityStatsView> {
    return this.cached(`city:${months}:${locale}`, (today) =>
      this.overview({ areaId: null, departmentId: null }, this.period(today, months), locale),
    );
  }

  area(code: string, months: number, locale: Locale): Promise<AreaStatsView> {
    if (!CODE.test(code)) return Promise.reject(StatsErrors.unknownArea(code));
    return this.cached(`area:${code}:${months}:${locale}`, async (today) => {
      const area = await this.repo.findArea(code);
      if (!area) throw StatsErrors.unknownArea(code);
      const view = await this.overview(
        { areaId: area.id, departmentId: null },
        this.period(today, months),
        locale,
      );
      return { area: { code: area.code, name: area.name }, ...view };
    });
  }

  department(code: string, months: number, locale: Locale): Promise<DepartmentStatsView> {
    if (!CODE.test(code)) return Promise.reject(StatsErrors.unknownDepartment(code));
    return this.cached(`department:${code}:${months}:${locale}`, async (today) => {
      const department = await this.repo.findDepartment(code, locale);
      if (!department) throw StatsErrors.unknownDepartment(code);
      const period = this.period(today, months);
      const scope: StatsScope = { areaId: null, departmentId: department.id };
      const [counts, responses] = await Promise.all([
        this.repo.reportCounts(scope, period, locale),
        this.repo.responseHistogram(scope, period, locale),
      ]);
      return {
        department: { code: department.code, name: department.name },
        period,
        reports: reportCounts(counts, period),
        responseTimes: responseFigures(responses),
        byCategory: responseByGroup(responses),
        trend: responseTrend(responses, period),
      };
    });
  }

  /** What a report page says about its department: the median days to a first public response. */
  async reportDepartment(ref: string, locale: Locale): Promise<ReportDepartmentStatsView> {
    if (!REF.test(ref)) throw StatsErrors.unknownReport(ref);
    const found = await this.repo.reportDepartment(ref);
    if (!found) throw StatsErrors.unknownReport(ref);
    if (!found.code) return { department: null, firstResponse: null };
    const view = await this.department(found.code, STATS_MONTHS.default, locale);
    return { department: view.department, firstResponse: view.responseTimes.firstResponse };
  }

  /** Targets change only when an administrator edits a category: cached per version as the rest. */
  service(locale: Locale): Promise<ServiceTargetsView> {
    return this.cached(`service:${locale}`, async () => {
      const rows = await this.repo.serviceTargets(locale);
      return {
        categories: rows.map((r) => ({
          code: r.code,
          name: r.name,
          targetDays: r.targetDays,
          department:
            r.departmentCode && r.departmentName ? { code: r.departmentCode, name: r.departmentName } : null,
        })),
      };
    });
  }

  private async cached<T extends object>(key: string, compute: (today: string) => Promise<T>): Promise<T> {
    const { version, today } = await this.repo.version();
    const hit = this.cache.get(key);
    if (hit?.version === version) return hit.view as Promise<T>;
    // STATS_REFRESH_SECONDS > 0: the figures moved, but the view computed less than that long ago
    // is still served while its successor is computed once, in the background.
    if (hit?.settled && Date.now() - hit.computedAt < this.refreshMs) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const next = compute(today);
        next.then(
          () => {
            if (this.cache.get(key) === hit) this.remember(key, version, next);
          },
          // A failed refresh is not remembered: the next request after the window recomputes.
          () => (hit.refreshing = false),
        );
      }
      return hit.view as Promise<T>;
    }
    const view = compute(today);
    this.remember(key, version, view);
    return view;
  }

  /** Keeps a view for its version (the oldest entry goes past CACHE_ENTRIES); a failure is not kept. */
  private remember(key: string, version: string, view: Promise<object>): void {
    const entry: CachedView = { version, view, computedAt: Date.now(), settled: false, refreshing: false };
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    view.then(
      () => (entry.settled = true),
      () => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
  }

  private async overview(scope: StatsScope, period: StatsPeriodView, locale: Locale): Promise<CityStatsView> {
    const [counts, proposals, responses] = await Promise.all([
      this.repo.reportCounts(scope, period, locale),
      this.repo.proposalCounts(scope.areaId, period, locale),
      this.repo.responseHistogram(scope, period, locale),
    ]);
    return {
      period,
      reports: reportCounts(counts, period),
      proposals: proposalCounts(proposals, period),
      responseTimes: responseFigures(responses),
      byDepartment: withoutTarget(responseByGroup(responses)),
      trend: responseTrend(responses, period),
    };
  }

  private period(today: string, months: number): StatsPeriodView {
    return { ...periodOf(today, months), months };
  }
}
