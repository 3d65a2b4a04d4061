import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ApiClientsService } from '@plaza/api/api-clients';
import { CatalogRepository } from '@plaza/api/catalog';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { parseInput } from '@plaza/api/http';
import { Open311SubmissionsRepository } from '@plaza/api/open311-records';
import { CreateReportDto, ReportsService } from '@plaza/api/reports';
import {
  PUBLIC_REPORT_STATUSES,
  pickText,
  reportStatusLabel,
  toOpen311Status,
  type Locale,
  type Open311Status,
} from '@plaza/shared/contracts';
import type { Open311Document } from './open311-format';
import { OPEN311_LIMIT, parseRequestsQuery, parseWindow } from './open311-query';
import { statusWriterFor, type StatusWriter } from './open311-status';
import { OPEN311_DESCRIPTION_MAX, toReportInput, type Open311Form } from './open311-submission';
import { open311Text } from './open311-text';
import { Open311Error } from './open311.errors';
import { Open311Repository, type RequestRow } from './open311.repository';

export interface CreatedRequest {
  document: Open311Document;
  /** Resolves to the request through GET tokens/{token}; handed out in the `Open311-Token` header. */
  token: string;
}

/** POST and GET requests, tokens and the servicerequestupdates extension. Public reports only. */
@Injectable()
export class Open311RequestsService {
  constructor(
    private readonly open311: Open311Repository,
    private readonly clients: ApiClientsService,
    private readonly catalog: CatalogRepository,
    private readonly reports: ReportsService,
    private readonly submissions: Open311SubmissionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: Record<string, unknown>, locale: Locale): Promise<Open311Document> {
    const parsed = parseRequestsQuery(query);
    const writeStatus = statusWriterFor(query);
    // service_request_id "overrides all other arguments".
    const rows = await this.open311.requests(
      parsed.ids
        ? {
            statuses: PUBLIC_REPORT_STATUSES,
            refs: parsed.ids,
            serviceCodes: [],
            start: null,
            end: null,
            limit: parsed.limit,
          }
        : {
            statuses: publicStatusesIn(parsed.statuses),
            refs: null,
            serviceCodes: parsed.serviceCodes,
            start: parsed.window.start,
            end: parsed.window.end,
            limit: parsed.limit,
          },
      locale,
    );
    return { root: 'service_requests', body: rows.map((row) => this.toRequest(row, locale, writeStatus)) };
  }

  async get(id: string, query: Record<string, unknown>, locale: Locale): Promise<Open311Document> {
    const writeStatus = statusWriterFor(query);
    const rows = await this.open311.requests(
      { statuses: PUBLIC_REPORT_STATUSES, refs: [id], serviceCodes: [], start: null, end: null, limit: 1 },
      locale,
    );
    if (rows.length === 0)
      throw Open311Error.notFound(`service_request_id "${id}" was not found.`, 'service_request_id');
    return { root: 'service_requests', body: rows.map((row) => this.toRequest(row, locale, writeStatus)) };
  }

  async token(token: string): Promise<Open311Document> {
    const found = /^[0-9a-f]{32}$/.test(token) ? await this.open311.refOfToken(token) : null;
    if (!found) throw Open311Error.notFound(`token "${token}" was not found.`, 'token');
    // Not yet a service request while its reporter has not confirmed their email: no id yet.
    return { root: 'service_requests', body: [{ service_request_id: found.ref, token }] };
  }

  /** mySociety's extension: public timeline events as `request_update`s, oldest first, 90 days and 1000 at most. */
  async updates(query: Record<string, unknown>, locale: Locale): Promise<Open311Document> {
    const window = parseWindow(query);
    const writeStatus = statusWriterFor(query);
    const rows = await this.open311.updates(PUBLIC_REPORT_STATUSES, window.start, window.end, OPEN311_LIMIT);
    return {
      root: 'service_requests_updates',
      body: rows.map((row) => ({
        update_id: row.updateId,
        service_request_id: row.ref,
        status: writeStatus(row.to),
        updated_datetime: row.at,
        description: row.message ?? reportStatusLabel(row.to, locale),
        media_url: '',
      })),
    };
  }

  /** POST Service Request: exactly what a map submission does (validation, routing, moderation). */
  async create(form: Open311Form, locale: Locale): Promise<CreatedRequest> {
    const apiKey = typeof form['api_key'] === 'string' ? form['api_key'] : undefined;
    if (!apiKey) throw Open311Error.forbidden('api_key is required to create a service request.');
    const client = await this.clients.authenticate(apiKey);
    if (!client)
      throw Open311Error.forbidden("Invalid api_key received -- can't proceed with create_request.");

    const code = form['service_code'];
    if (code === undefined || code === '')
      throw Open311Error.badRequest('service_code', 'service_code was not provided.');
    if (typeof code !== 'string')
      throw Open311Error.badRequest('service_code', 'service_code may be given once.');
    const category = await this.catalog.findActiveCategory(code);
    if (!category) throw Open311Error.notFound(`service_code "${code}" was not found.`, 'service_code');

    const { input, extras } = toReportInput(form, {
      code: category.code,
      name: pickText(category.name, locale),
    });
    const dto = parseInput(CreateReportDto, input);
    const token = randomBytes(16).toString('hex');
    const verifies = await this.clients.verifiesReporters(client.id);
    const { report } = await this.reports.create(dto, [], null, locale, {
      // As on the map: a reporter nobody vouches for confirms by email before the request exists.
      reporter: verifies ? { kind: 'verified_client' } : { kind: 'anonymous' },
      source: `open311:${client.name}`,
      withinTransaction: (manager, reportId) =>
        this.submissions.insert(manager, { reportId, clientId: client.id, token, ...extras }),
    });
    const text = open311Text(locale);
    if (report.awaitingConfirmation) {
      // GeoReport v2's deferred answer: a token instead of an id, resolved by tokens/{token}
      // once the reporter has confirmed (and a 404 if they never do and it expires).
      return {
        token,
        document: {
          root: 'service_requests',
          body: [{ token, service_notice: text.awaitingConfirmation, account_id: extras.accountId }],
        },
      };
    }
    const notice = [
      report.properties.status === 'unconfirmed' ? text.moderation : text.published,
      report.properties.department ? text.target(report.properties.department, category.targetDays) : null,
    ].filter(Boolean);
    return {
      token,
      document: {
        root: 'service_requests',
        body: [
          {
            service_request_id: report.properties.ref,
            service_notice: notice.join(' '),
            account_id: extras.accountId,
          },
        ],
      },
    };
  }

  private toRequest(row: RequestRow, locale: Locale, writeStatus: StatusWriter): Record<string, string | number | null> {
    return {
      service_request_id: row.ref,
      status: writeStatus(row.status),
      status_notes: row.statusNotes,
      service_name: row.serviceName,
      service_code: row.serviceCode,
      description: truncate(row.description, OPEN311_DESCRIPTION_MAX),
      agency_responsible: row.agency,
      service_notice: row.agency ? open311Text(locale).target(row.agency, row.targetDays) : null,
      requested_datetime: row.requested,
      updated_datetime: row.updated,
      expected_datetime: row.expected,
      // "From most specific to most general": street address, then district.
      address: [row.address, row.areaName].filter(Boolean).join(', ') || null,
      address_id: null,
      zipcode: null,
      lat: row.lat,
      long: row.lon,
      // The report's own first photo that the public may see (a hidden one is not served): never
      // the client's media_url, which Plaza did not receive, re-encode or moderate.
      media_url: row.photoKey ? `${this.config.publicUrl}/api/v1/media/${row.photoKey}` : null,
    };
  }
}

function publicStatusesIn(wanted: Open311Status[]): typeof PUBLIC_REPORT_STATUSES {
  return wanted.length
    ? PUBLIC_REPORT_STATUSES.filter((status) => wanted.includes(toOpen311Status(status)))
    : PUBLIC_REPORT_STATUSES;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
