import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { RequestLocale } from '@plaza/api/http';
import type { Locale } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendCacheableJson } from './cacheable';
import { parseStatsQuery, STATS_MONTHS } from './stats-query';
import { StatsService } from './stats.service';

const months = ApiQuery({
  name: 'months',
  required: false,
  description: `Calendar months back, this one included: 1–${STATS_MONTHS.max}, default ${STATS_MONTHS.default}`,
});
const lang = ApiQuery({ name: 'lang', required: false, enum: ['es', 'en', 'ca', 'eu', 'gl'] });
const notModified = ApiResponse({
  status: 304,
  description: 'Unchanged since the ETag sent in If-None-Match',
});
const badQuery = ApiResponse({
  status: 400,
  description: 'problem+json with the offending field in `errors`',
});

/**
 * Public statistics behind /stats: reports and proposals over time, and response times in
 * business days. Figures come from pre-aggregated tables (docs/statistics.md).
 */
@ApiTags('statistics')
@Access('public')
@Controller({ path: 'stats', version: '1' })
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('city')
  @ApiOperation({
    summary:
      'The whole city: counts by status, category, district, department, week and month; response times',
  })
  @months
  @lang
  @ApiOkResponse({ description: 'CityStatsView (docs/statistics.md)' })
  @notModified
  @badQuery
  async city(
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.stats.city(parseStatsQuery(query).months, locale);
    await sendCacheableJson(request, reply, body);
  }

  @Get('areas/:code')
  @ApiOperation({ summary: 'One district: the same figures for the reports and proposals in it' })
  @ApiParam({ name: 'code', description: 'Area code as in /api/v1/areas, e.g. 01' })
  @months
  @lang
  @ApiOkResponse({ description: 'AreaStatsView (docs/statistics.md)' })
  @ApiResponse({ status: 404, description: 'No such area (STATS.UNKNOWN_AREA)' })
  @notModified
  @badQuery
  async area(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.stats.area(code, parseStatsQuery(query).months, locale);
    await sendCacheableJson(request, reply, body);
  }

  @Get('departments/:code')
  @ApiOperation({
    summary:
      'One department: median and 90th percentile business days to first public response and to fix, share within target, trend',
  })
  @ApiParam({ name: 'code', description: 'Department code as in the admin API, e.g. limpieza' })
  @months
  @lang
  @ApiOkResponse({ description: 'DepartmentStatsView (docs/statistics.md)' })
  @ApiResponse({ status: 404, description: 'No such department (STATS.UNKNOWN_DEPARTMENT)' })
  @notModified
  @badQuery
  async department(
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const body = await this.stats.department(code, parseStatsQuery(query).months, locale);
    await sendCacheableJson(request, reply, body);
  }

  @Get('service')
  @ApiOperation({
    summary: 'Status of the service: every category with its business-day target for a first public response',
  })
  @lang
  @ApiOkResponse({ description: 'ServiceTargetsView (docs/statistics.md)' })
  @notModified
  async service(
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendCacheableJson(request, reply, await this.stats.service(locale));
  }

  @Get('reports/:ref')
  @ApiOperation({
    summary: "A public report's department and its median business days to a first public response",
  })
  @ApiParam({ name: 'ref', description: 'Report reference, e.g. 2026-000123' })
  @lang
  @ApiOkResponse({ description: 'ReportDepartmentStatsView (docs/statistics.md)' })
  @ApiResponse({ status: 404, description: 'No such public report (STATS.UNKNOWN_REPORT)' })
  @notModified
  async report(
    @Param('ref') ref: string,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendCacheableJson(request, reply, await this.stats.reportDepartment(ref, locale));
  }
}
