import { Injectable } from '@nestjs/common';
import { AuditService } from '@plaza/api/audit';
import type { AuthUser } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import { ReportRecordsRepository } from '@plaza/api/report-records';
import { ReportsService, type CreateReportDto } from '@plaza/api/reports';
import type { BulkMoveResult, CaseMoveResult, Locale } from '@plaza/shared/contracts';
import { assertCanModerate } from './case-access';
import { CaseEventsService } from './case-events.service';
import { CaseModerationService } from './case-moderation.service';
import { CaseViewService } from './case-view.service';
import { CaseWritesRepository } from './case-writes.repository';
import { CaseErrors } from './cases.errors';
import type { BulkMoveDto } from './dto/bulk.dto';
import type { FileOnBehalfDto } from './dto/file-on-behalf.dto';

/** Reports staff file for citizens who phoned, wrote or posted, and moves on many cases at once. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly reports: ReportsService,
    private readonly writes: CaseWritesRepository,
    private readonly records: ReportRecordsRepository,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly view: CaseViewService,
    private readonly moderation: CaseModerationService,
  ) {}

  async fileOnBehalf(user: AuthUser, input: FileOnBehalfDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    if (!input.reporter.email && !input.reporter.phone) {
      throw CaseErrors.field('reporter.email', 'required', 'Give the citizen\u2019s email or phone, so the city can answer them.');
    }
    // The same path as the public form (placement, routing, photos, clock), recording the channel.
    const report: Omit<CreateReportDto, 'consent'> & { consent: true } = {
      category: input.category,
      title: input.title,
      description: input.description,
      lat: input.lat,
      lon: input.lon,
      address: input.address,
      reporter: { name: input.reporter.name, email: input.reporter.email ?? '', phone: input.reporter.phone, showName: input.reporter.showName },
      consent: true,
    };
    let status = '';
    const { report: created } = await this.reports.create(report as CreateReportDto, [], null, locale, {
      reporter: { kind: 'staff' },
      source: input.channel,
      withinTransaction: async (manager, reportId) => {
        await this.writes.setFiledOnBehalf(manager, reportId, user.id, input.channelDetails?.trim() || null);
        const row = (await this.records.refAndStatus(manager, reportId))!;
        status = row.status;
        if (input.publish && status === 'unconfirmed') {
          await this.records.setStatus(manager, reportId, 'confirmed');
          await this.writes.insertEvent(manager, { reportId, actorId: user.id, from: 'unconfirmed', to: 'confirmed', message: null, isPublic: true });
          status = 'confirmed';
        }
        await this.audit.record(manager, {
          actor: { id: user.id, email: user.email },
          action: 'case.file_on_behalf',
          entityType: 'report',
          entityId: row.ref,
          after: { channel: input.channel, channelDetails: input.channelDetails ?? null, status, category: input.category },
        });
      },
    });
    const ref = created.properties.ref;
    const detail = await this.view.detail(user, ref, locale);
    this.events.publish({ id: '', at: detail.updatedAt, kind: 'created', ref, departmentId: detail.department?.id ?? null, status: detail.status });
    return { outcome: 'applied', case: detail };
  }

  /** One move over many cases; each case succeeds or fails on its own. */
  async bulk(user: AuthUser, input: BulkMoveDto, locale: Locale): Promise<BulkMoveResult> {
    assertCanModerate(user);
    const missing = requiredFor(input);
    if (missing) throw CaseErrors.field(missing, 'required', `${missing} is required for ${input.move}`);
    const results: BulkMoveResult['results'] = [];
    for (const ref of [...new Set(input.refs)]) {
      try {
        if (input.move === 'publish') await this.moderation.publish(user, ref, {}, locale, true);
        else if (input.move === 'hide') await this.moderation.hide(user, ref, { reason: input.reason! }, locale);
        else if (input.move === 'assign') await this.moderation.assign(user, ref, { departmentId: input.departmentId! }, locale);
        else await this.moderation.priority(user, ref, { priority: input.priority! }, locale);
        results.push({ ref, ok: true });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ ref, ok: false, code: error.code, detail: error.message });
      }
    }
    return { results };
  }
}

function requiredFor(input: BulkMoveDto): string | null {
  if (input.move === 'hide' && !input.reason) return 'reason';
  if (input.move === 'assign' && !input.departmentId) return 'departmentId';
  if (input.move === 'priority' && !input.priority) return 'priority';
  return null;
}
