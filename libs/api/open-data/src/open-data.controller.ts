import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { Controller, Get, Header, Logger, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { RequestLocale } from '@plaza/api/http';
import type { Locale } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DcatCatalog } from './catalog';
import { acceptsGzip } from './csv';
import { parseExportFormat, parseExportQuery, type Dataset } from './open-data-query';
import { OpenDataService, type ExportFile } from './open-data.service';

const EXPORT_QUERIES = [
  ApiParam({ name: 'format', enum: ['csv', 'geojson'] }),
  ApiQuery({
    name: 'from',
    required: false,
    description: 'First day filed, YYYY-MM-DD (city time), included',
  }),
  ApiQuery({ name: 'to', required: false, description: 'Last day filed, YYYY-MM-DD (city time), included' }),
  ApiQuery({ name: 'area', required: false, description: 'Area (district) code, e.g. 01' }),
  ApiQuery({ name: 'status', required: false, description: 'Public status codes, comma-separated' }),
  ApiQuery({
    name: 'lang',
    required: false,
    enum: ['es', 'en', 'ca', 'eu', 'gl'],
    description: 'Language of the *_name columns',
  }),
  ApiProduces('text/csv', 'application/geo+json'),
  ApiResponse({ status: 400, description: 'problem+json naming the offending query field' }),
];
const exportDocs = (): MethodDecorator => (target, key, descriptor) => {
  for (const decorate of EXPORT_QUERIES) decorate(target, key, descriptor);
};

/** Open data: full exports of public reports and proposals, and a DCAT-AP catalogue (docs/open-data.md). */
@ApiTags('open data')
@Access('public')
@Controller({ path: 'open-data', version: '1' })
export class OpenDataController {
  private readonly logger = new Logger('OpenData');

  constructor(private readonly openData: OpenDataService) {}

  @Get('catalog.json')
  @ApiOperation({
    summary: 'DCAT-AP (DCAT-AP-ES style) catalogue of the open datasets, JSON-LD, for portals to harvest',
  })
  @ApiOkResponse({ description: 'dcat:Catalog with dcat:Dataset and dcat:Distribution entries' })
  @Header('content-type', 'application/ld+json; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  catalog(): Promise<DcatCatalog> {
    return this.openData.catalog();
  }

  @Get('reports.:format')
  @ApiOperation({
    summary: 'Every public report matching the filters, as CSV (header first) or GeoJSON, streamed',
  })
  @ApiQuery({ name: 'category', required: false, description: 'Category code, e.g. bache' })
  @exportDocs()
  reports(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.send('reports', format, query, locale, request, reply);
  }

  @Get('proposals.:format')
  @ApiOperation({
    summary: 'Every visible proposal matching the filters, as CSV (header first) or GeoJSON, streamed',
  })
  @ApiQuery({ name: 'category', required: false, description: 'Theme code, e.g. movilidad' })
  @exportDocs()
  proposals(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @RequestLocale() locale: Locale,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return this.send('proposals', format, query, locale, request, reply);
  }

  private async send(
    dataset: Dataset,
    format: string,
    query: Record<string, unknown>,
    locale: Locale,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const file: ExportFile = await this.openData.export(
      dataset,
      parseExportFormat(format),
      parseExportQuery(dataset, query),
      locale,
    );
    void reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'public, max-age=300')
      .header('link', `<${file.licenceUrl}>; rel="license"`)
      .header('vary', 'accept-encoding, accept-language');
    const source = Readable.from(file.chunks, { objectMode: false });
    if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(source);
    void reply.header('content-encoding', 'gzip');
    const gzip = pipeline(source, createGzip(), (error) => {
      // A client that hangs up mid-download is normal; anything else is worth a line in the log.
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE')
        this.logger.warn(`${dataset} export failed: ${error.message}`);
    });
    return reply.send(gzip);
  }
}
