import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CrossOriginAllowed } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import type { Locale } from '@plaza/shared/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Open311CatalogService } from './open311-catalog.service';
import { Open311ErrorFilter } from './open311-error.filter';
import {
  isOpen311Format,
  OPEN311_CONTENT_TYPES,
  serialize,
  type Open311Document,
  type Open311Format,
} from './open311-format';
import { checkJurisdiction, jurisdictionOf, open311Locale } from './open311-request-context';
import { Open311RequestsService } from './open311-requests.service';
import { Open311Error } from './open311.errors';

type Fields = Record<string, unknown>;

/**
 * Open311 GeoReport v2 at `/open311/v2/`, outside the `/api` prefix. Every resource takes a
 * `.xml` or `.json` suffix; every error is a GeoReport errors document (Open311ErrorFilter).
 */
// Public: POST is authorised by the client application's api_key, not by a session, and may come
// from a client's own web origin (it then always runs as anonymous).
@Access('public')
@CrossOriginAllowed()
@ApiTags('open311')
@ApiProduces(OPEN311_CONTENT_TYPES.xml, OPEN311_CONTENT_TYPES.json)
@ApiParam({ name: 'format', enum: ['xml', 'json'] })
@Controller('open311/v2')
@UseFilters(Open311ErrorFilter)
export class Open311Controller {
  private readonly jurisdiction: string;

  constructor(
    private readonly catalog: Open311CatalogService,
    private readonly requests: Open311RequestsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.jurisdiction = jurisdictionOf(config.publicUrl);
  }

  @Get('discovery.:format')
  @ApiOperation({ summary: 'Service Discovery: endpoints, formats, how to get an API key' })
  async discovery(
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, request.query as Fields);
    const locale = open311Locale(request);
    return send(reply, await this.catalog.discovery(locale), f, locale);
  }

  @Get('services.:format')
  @ApiOperation({ summary: 'GET Service List: the active categories' })
  async services(
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, request.query as Fields);
    const locale = open311Locale(request);
    return send(reply, await this.catalog.services(locale), f, locale);
  }

  @Get('services/:code.:format')
  @ApiOperation({ summary: 'GET Service Definition (Plaza categories have no extra attributes)' })
  async service(
    @Param('code') code: string,
    @Param('format') format: string,
    @Query() query: Fields,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, query);
    return send(reply, await this.catalog.definition(code), f);
  }

  @Get('requests.:format')
  @ApiOperation({ summary: 'GET Service Requests: public requests, filtered, 90 days and 1000 at most' })
  async list(
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, request.query as Fields);
    const locale = open311Locale(request);
    return send(reply, await this.requests.list(request.query as Fields, locale), f, locale);
  }

  @Post('requests.:format')
  @HttpCode(200)
  @ApiOperation({ summary: 'POST Service Request (application/x-www-form-urlencoded, api_key required)' })
  async create(
    @Param('format') format: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (
      !/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '') ||
      !isFields(body)
    ) {
      throw Open311Error.badRequest(400, 'Send the request as application/x-www-form-urlencoded.');
    }
    const f = this.prepare(format, body);
    const locale = open311Locale(request);
    const created = await this.requests.create(body, locale);
    void reply.header('open311-token', created.token);
    return send(reply, created.document, f, locale);
  }

  @Get('requests/:id.:format')
  @ApiOperation({ summary: 'GET Service Request: one public request' })
  async get(
    @Param('id') id: string,
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, request.query as Fields);
    const locale = open311Locale(request);
    return send(reply, await this.requests.get(id, request.query as Fields, locale), f, locale);
  }

  @Get('tokens/:token.:format')
  @ApiOperation({ summary: 'GET service_request_id from a token (the Open311-Token header of a POST)' })
  async token(
    @Param('token') token: string,
    @Param('format') format: string,
    @Query() query: Fields,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, query);
    return send(reply, await this.requests.token(token), f);
  }

  @Get('servicerequestupdates.:format')
  @ApiOperation({ summary: 'GET Service Request Updates (mySociety extension): public updates by date' })
  async updates(
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const f = this.prepare(format, request.query as Fields);
    const locale = open311Locale(request);
    return send(reply, await this.requests.updates(request.query as Fields, locale), f, locale);
  }

  /** The checks every method shares: a known format, and our jurisdiction if one is named. */
  private prepare(format: string, fields: Fields): Open311Format {
    if (!isOpen311Format(format))
      throw Open311Error.notFound(`Unknown format "${format}": use .xml or .json.`);
    checkJurisdiction(fields, this.jurisdiction);
    return format;
  }
}

/**
 * A document whose text follows the request's language (`locale`/`lang`, else Accept-Language)
 * says which one it is written in, and that the answer varies with Accept-Language.
 */
function send(reply: FastifyReply, document: Open311Document, format: Open311Format, locale?: Locale): string {
  void reply.header('content-type', OPEN311_CONTENT_TYPES[format]);
  if (locale) {
    // Appended: a cross-origin answer already varies with Origin.
    const vary = String(reply.getHeader('vary') ?? '');
    void reply.header('content-language', locale).header('vary', vary ? `${vary}, accept-language` : 'accept-language');
  }
  return serialize(document, format);
}

function isFields(body: unknown): body is Fields {
  return body !== null && typeof body === 'object' && !Array.isArray(body);
}
