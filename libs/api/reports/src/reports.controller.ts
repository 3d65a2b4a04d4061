import path from 'node:path';
import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { anonymousFingerprint, clientInfo, type ClientInfo } from '@plaza/api/abuse';
import { Access, OptionalUser, type AuthUser } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError, RequestLocale } from '@plaza/api/http';
import { removeSpooled, type SpooledPhoto } from '@plaza/api/media';
import {
  SUPPORT_TOKEN_PATTERN,
  type Locale,
  type NearbyReportView,
  type ReportClusters,
  type ReportConfirmationResult,
  type ReportDetailFeature,
  type SupportResult,
} from '@plaza/shared/contracts';
import { isLatitude, isLongitude } from '@plaza/shared/geo';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseClusterQuery } from './dto/cluster.query';
import { CreateReportDto } from './dto/create-report.dto';
import { parseCreateReport } from './dto/create-report.parser';
import { parseListQuery } from './dto/list-reports.query';
import { readMultipartReport } from './multipart-report';
import type { FilingAllowance } from './filing-allowance';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Access('public')
@Controller({ path: 'reports', version: '1' })
export class ReportsController {
  /** Where uploads wait, one chunk in memory at a time, until the form is read and they go to storage. */
  private readonly uploadDir: string;

  constructor(
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.uploadDir = path.join(config.dataDir, 'uploads');
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'File a report (JSON, or multipart/form-data with photos)' })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateReportDto })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the same report' })
  @ApiCreatedResponse({ description: 'The report as a GeoJSON Feature, with its `ref`, `awaitingConfirmation` (true when filed without a session: invisible until the link mailed to the reporter is followed) and `photoUploads` (each photo\'s id and state: `pending` until processed, after the answer)' })
  async create(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @RequestLocale() locale: Locale,
    @OptionalUser() user: AuthUser | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    if (!request.isMultipart() && !isJson(request.headers['content-type'])) {
      throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported_media_type', 'Send application/json or multipart/form-data.');
    }
    const client = clientInfo(request);
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' ? header : null;
    const caller = user ? `user:${user.id}` : `anon:${anonymousFingerprint(client)}`;
    // A retry of a report already filed (same key, same caller) gets that report back: it is not
    // counted against the limits nor asked for a proof of work again (FilingAllowance).
    const allowance = this.reports.allowance(key, caller);
    // Without a session the filing is anonymous: limited before the body (photos) is even read.
    if (!user) await this.admitAnonymous(allowance, client);
    const { fields, photos } = request.isMultipart()
      ? await readMultipartReport(request, this.uploadDir, { digest: key !== null })
      : { fields: body, photos: [] as SpooledPhoto[] };
    try {
      return await this.file(reply, fields, photos, locale, user, client, { key, caller, allowance });
    } finally {
      // The spooled copies were streamed to storage (or refused): never kept on local disk.
      await removeSpooled(photos);
    }
  }

  private async file(
    reply: FastifyReply,
    fields: unknown,
    photos: SpooledPhoto[],
    locale: Locale,
    user: AuthUser | null,
    client: ClientInfo,
    { key, caller, allowance }: { key: string | null; caller: string; allowance: FilingAllowance },
  ): Promise<unknown> {
    const input = parseCreateReport(fields);
    // Signed in (with the session's CSRF token) and reporting under the account's own address:
    // linked to the account, public at once. Anyone else, including a signed-in citizen who types
    // another address, waits for the link mailed to that address: an address is only ever used
    // once its owner has shown it is theirs.
    const ownAddress = user !== null && user.email.toLowerCase() === input.reporter.email.trim().toLowerCase();
    if (user && !ownAddress) await this.admitAnonymous(allowance, client);
    const result = await this.reports.create(input, photos, key, locale, {
      reporter: user && ownAddress ? { kind: 'user', userId: user.id } : { kind: 'anonymous' },
      caller,
      allowance,
    });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.header('location', `/api/v1/reports/${result.report.properties.ref}`);
    return result.report;
  }

  @Post('confirm/:token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm an anonymous report with the token mailed to its reporter (no sign-in); idempotent',
  })
  confirm(@Param('token') token: string): Promise<ReportConfirmationResult> {
    return this.reports.confirm(token);
  }

  @Get()
  @ApiOperation({ summary: 'Public reports as a GeoJSON FeatureCollection, newest first, keyset-paginated' })
  @ApiQuery({ name: 'bbox', required: false, description: 'minLon,minLat,maxLon,maxLat' })
  @ApiQuery({ name: 'category', required: false, description: 'Category code(s), comma-separated' })
  @ApiQuery({ name: 'status', required: false, description: 'Status(es), comma-separated' })
  @ApiQuery({ name: 'from', required: false, description: 'Created on or after: YYYY-MM-DD (UTC day) or ISO 8601 time' })
  @ApiQuery({ name: 'to', required: false, description: 'Created up to: YYYY-MM-DD (whole UTC day included) or ISO 8601 time' })
  @ApiQuery({ name: 'limit', required: false, description: '1..500, default 200' })
  @ApiQuery({ name: 'cursor', required: false, description: '`nextCursor` of the previous page' })
  @Header('content-type', 'application/geo+json; charset=utf-8')
  list(@Query() query: Record<string, unknown>, @RequestLocale() locale: Locale): Promise<string> {
    return this.reports.list(parseListQuery(query), locale);
  }

  @Get('nearby')
  @ApiOperation({ summary: 'Open public reports within 150 m of a point: possible duplicates' })
  @ApiQuery({ name: 'lat', required: true })
  @ApiQuery({ name: 'lon', required: true })
  @ApiQuery({ name: 'category', required: false })
  nearby(@Query() query: Record<string, unknown>): Promise<NearbyReportView[]> {
    const lat = Number(query['lat']);
    const lon = Number(query['lon']);
    if (query['lat'] === undefined || query['lat'] === '' || !isLatitude(lat)) {
      throw DomainError.invalidQuery('lat', 'lat must be a latitude between -90 and 90');
    }
    if (query['lon'] === undefined || query['lon'] === '' || !isLongitude(lon)) {
      throw DomainError.invalidQuery('lon', 'lon must be a longitude between -180 and 180');
    }
    const category = typeof query['category'] === 'string' && query['category'] ? query['category'] : null;
    return this.reports.nearby(lat, lon, category);
  }

  @Get('clusters')
  @ApiOperation({ summary: 'Reports counted per grid cell, for city-wide map views (same filters as the list)' })
  @ApiQuery({ name: 'bbox', required: true, description: 'minLon,minLat,maxLon,maxLat' })
  @ApiQuery({ name: 'zoom', required: true, description: 'Web-map zoom 0..22; a cell is about 60 px at that zoom' })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'status', required: false })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @Header('cache-control', 'public, max-age=10')
  clusters(@Query() query: Record<string, unknown>): Promise<ReportClusters> {
    return this.reports.clusters(parseClusterQuery(query));
  }

  @Post(':ref/supports')
  @ApiOperation({ summary: 'Anonymous "me too": counted once per browser token (only its hash is kept)' })
  @ApiBody({ schema: { type: 'object', required: ['token'], properties: { token: { type: 'string', pattern: SUPPORT_TOKEN_PATTERN.source } } } })
  async support(
    @Param('ref') ref: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupportResult> {
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token !== 'string' || !SUPPORT_TOKEN_PATTERN.test(token)) {
      throw DomainError.validation([
        { field: 'token', code: 'invalid_format', message: 'token must be 22 to 128 URL-safe characters (a random value this browser keeps).' },
      ]);
    }
    const result = await this.reports.support(ref, token);
    void reply.status(result.counted ? 201 : 200);
    return result;
  }

  @Get(':ref')
  @ApiOperation({
    summary: 'One public report with its public timeline',
    description: 'A report closed as a duplicate carries `duplicateOf`: the ref of the public report it duplicates (else null).',
  })
  get(@Param('ref') ref: string, @RequestLocale() locale: Locale): Promise<ReportDetailFeature> {
    return this.reports.get(ref, locale);
  }

  /** The proof-of-work gate and the per-address hourly limit of anonymous filing (docs/security.md). */
  private async admitAnonymous(allowance: FilingAllowance, client: ClientInfo): Promise<void> {
    await allowance.count(async (limits, units) => {
      await limits.admit(client, units);
      await limits.hitReportFromIp(client.ip, units);
    });
  }
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');
}
