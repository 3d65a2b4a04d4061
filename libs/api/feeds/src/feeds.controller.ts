import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { RequestLocale } from '@plaza/api/http';
import type { Locale } from '@plaza/shared/contracts';
import type { FastifyReply } from 'fastify';
import { parseFeedFormat, parseReportsFeedQuery } from './feed-query';
import { FEED_CONTENT_TYPES } from './feed-render';
import { FeedsService } from './feeds.service';

/** RSS 2.0 and Atom 1.0 feeds of public reports, outside the `/api` prefix (see configure-app.ts). */
@Access('public')
@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(private readonly feeds: FeedsService) {}

  @Get('reports.:format')
  @ApiOperation({
    summary: 'The 50 newest public reports, optionally in an area, a category or near a point',
  })
  @ApiProduces(FEED_CONTENT_TYPES.rss, FEED_CONTENT_TYPES.atom)
  @ApiParam({ name: 'format', enum: ['rss', 'atom'] })
  @ApiQuery({ name: 'area', required: false, description: 'Area code, e.g. 01' })
  @ApiQuery({ name: 'category', required: false, description: 'Category code, e.g. bache' })
  @ApiQuery({ name: 'lat', required: false })
  @ApiQuery({ name: 'lon', required: false })
  @ApiQuery({ name: 'radius', required: false, description: 'Metres around lat/lon, 1–5000, default 1000' })
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en', 'ca', 'eu', 'gl'] })
  @Header('cache-control', 'public, max-age=300')
  @Header('vary', 'accept-language')
  async reports(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const feedFormat = parseFeedFormat(format);
    const body = await this.feeds.reportsFeed(parseReportsFeedQuery(query), feedFormat, locale);
    void reply.header('content-type', FEED_CONTENT_TYPES[feedFormat]).header('content-language', locale);
    return body;
  }

  @Get('reports/:ref.:format')
  @ApiOperation({
    summary: 'The public updates of one report (status changes, public answers), newest first',
  })
  @ApiProduces(FEED_CONTENT_TYPES.rss, FEED_CONTENT_TYPES.atom)
  @ApiParam({ name: 'format', enum: ['rss', 'atom'] })
  @ApiQuery({ name: 'lang', required: false, enum: ['es', 'en', 'ca', 'eu', 'gl'] })
  @Header('cache-control', 'public, max-age=300')
  @Header('vary', 'accept-language')
  async reportUpdates(
    @Param('ref') ref: string,
    @Param('format') format: string,
    @RequestLocale() locale: Locale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const feedFormat = parseFeedFormat(format);
    const body = await this.feeds.reportUpdatesFeed(ref, feedFormat, locale);
    void reply.header('content-type', FEED_CONTENT_TYPES[feedFormat]).header('content-language', locale);
    return body;
  }
}
