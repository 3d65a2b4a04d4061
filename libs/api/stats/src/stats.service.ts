import { Injectable } from '@nestjs/common';
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
import { StatsRepository, type StatsPeriod, type StatsScope } from './stats.repository';
import type { AreaStatsView, CityStatsView, DepartmentStatsView, StatsPeriodView } from './stats.types';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** The public figures: only filed, moderated reports and visible proposals ever reach the tables read here. */
@Injectable()
export class StatsService {
  constructor(private readonly repo: StatsRepository) {}

  async city(months: number, locale: Locale): Promise<CityStatsView> {
    return this.overview({ areaId: null, departmentId: null }, await this.period(months), locale);
  }

  async area(code: string, months: number, locale: Locale): Promise<AreaStatsView> {
    const area = CODE.test(code) ? await this.repo.findArea(code) : null;
    if (!area) throw StatsErrors.unknownArea(code);
    const view = await this.overview(
      { areaId: area.id, departmentId: null },
      await this.period(months),
      locale,
    );
    return { area: { code: area.code, name: area.name }, ...view };
  }

  async department(code: string, months: number, locale: Locale): Promise<DepartmentStatsView> {
    const department = CODE.test(code) ? await this.repo.findDepartment(code, locale) : null;
    if (!department) throw StatsErrors.unknownDepartment(code);
    const period = await this.period(months);
    const scope: StatsScope = { areaId: null, departmentId: department.id };
    const [counts, responses] = await Promise.all([
      this.repo.reportCounts(scope, period, locale),
      this.repo.responseHistogram(scope, period, 'category', locale),
    ]);
    return {
      department: { code: department.code, name: department.name },
      period: { ...period, months },
      reports: reportCounts(counts, period),
      responseTimes: responseFigures(responses),
      byCategory: responseByGroup(responses),
      trend: responseTrend(responses, period),
    };
  }

  private async overview(
    scope: StatsScope,
    period: StatsPeriod & Pick<StatsPeriodView, 'months'>,
    locale: Locale,
  ): Promise<CityStatsView> {
    const [counts, proposals, responses] = await Promise.all([
      this.repo.reportCounts(scope, period, locale),
      this.repo.proposalCounts(scope.areaId, period, locale),
      this.repo.responseHistogram(scope, period, 'department', locale),
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

  private async period(months: number): Promise<StatsPeriodView> {
    return { ...periodOf(await this.repo.today(), months), months };
  }
}
