import { Inject, Injectable } from '@nestjs/common';
import { departmentScopeOf, type AuthUser } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { Open311SubmissionsRepository, type Open311SubmissionRow } from '@plaza/api/open311-records';
import {
  allowedTransitions,
  type CaseDetail,
  type CaseInbox,
  type CaseSummary,
  type Locale,
  type ReportStatus,
} from '@plaza/shared/contracts';
import { assertCanSee, canModerate, permissionsOf } from './case-access';
import { CaseErrors } from './cases.errors';
import { CasesRepository, type SummaryRow } from './cases.repository';
import { caseDue } from './due-clock';
import { encodeInboxCursor, type InboxFilter } from './dto/inbox.query';
import { HolidaysRepository } from './holidays/holidays.repository';

/** Builds what the console reads: the inbox with its counts, and the full case view. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly holidays: HolidaysRepository,
    private readonly open311: Open311SubmissionsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async inbox(user: AuthUser, filter: InboxFilter, locale: Locale): Promise<CaseInbox> {
    const scope = departmentScopeOf(user);
    const rows = await this.cases.inbox(filter, scope, locale);
    const counts = await this.cases.counts(scope, filter);
    const holidays = await this.holidays.datesAround();
    const now = new Date();
    const last = rows.at(-1);
    return {
      items: rows.map((row) => toSummary(row.summary, now, holidays, this.config.city.timeZone)),
      counts,
      total: counts[filter.queue],
      nextCursor: rows.length === filter.limit && last ? encodeInboxCursor({ sort: filter.sort, key: last.key }) : null,
    };
  }

  async detail(user: AuthUser, ref: string, locale: Locale): Promise<CaseDetail> {
    const core = await this.cases.findCore(ref, locale);
    if (!core) throw CaseErrors.notFound(ref);
    assertCanSee(user, core.departmentId);
    // The staff route serves hidden photos too (the public one answers 404 for them), never cached.
    const mediaBase = `${this.config.publicUrl}/api/v1/staff/media/`;
    const photos = await this.cases.photos(core.id);
    const timeline = await this.cases.timeline(core.id, locale);
    const notes = await this.cases.notes(core.id, canModerate(user));
    const drafts = await this.cases.drafts(core.id, locale);
    const nearby = await this.cases.similarNearby(core.id, core.lon, core.lat, core.categoryId);
    const routing = await this.cases.routing(core.areaId, core.categoryId, locale);
    const { duplicates, followers } = await this.cases.duplicatesAndFollowers(core.id);
    const holidays = await this.holidays.datesAround();
    const summary = toSummary(core.summary, new Date(), holidays, this.config.city.timeZone);
    return {
      ...summary,
      description: core.description,
      reporter: core.reporter,
      channelDetails: core.channelDetails,
      open311: toOpen311View(await this.open311.forReport(core.id)),
      photos: photos.map((p) => ({
        id: p.id,
        url: mediaBase + p.storageKey,
        thumbnailUrl: mediaBase + p.thumbnailKey,
        hidden: p.hidden,
        state: p.state,
        failureReason: p.failureReason,
      })),
      timeline,
      notes,
      drafts,
      nearby,
      routing: {
        department: core.areaId ? routing.department : null,
        basis: core.areaId ? routing.basis : 'outside_areas',
        matchesCurrent: core.areaId !== null && routing.department?.id === core.departmentId,
      },
      referral: core.referral as CaseDetail['referral'],
      duplicates,
      followers,
      allowedStatuses: [...allowedTransitions(summary.status)],
      departmentTrustedToPublish: core.departmentTrusted,
      permissions: permissionsOf(user, core.departmentId, core.departmentTrusted, summary.status),
    };
  }
}

export function toSummary(row: SummaryRow, now: Date, holidays: ReadonlySet<string>, timeZone: string): CaseSummary {
  const { dueAt, targetDays, ...rest } = row;
  return {
    ...(rest as unknown as Omit<CaseSummary, 'due'>),
    due: caseDue(row.status as ReportStatus, dueAt, targetDays, now, holidays, timeZone),
  };
}

/** The submission as staff read it: attributes as code/value pairs, a multivaluelist's values joined. */
function toOpen311View(row: Open311SubmissionRow | null): CaseDetail['open311'] {
  if (!row) return null;
  return {
    client: row.clientName,
    mediaUrl: row.mediaUrl,
    deviceId: row.deviceId,
    accountId: row.accountId,
    attributes: Object.entries(row.attributes).map(([code, value]) => ({
      code,
      value: Array.isArray(value) ? value.join(', ') : value,
    })),
  };
}
