import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PublicLimits } from '@plaza/api/abuse';
import { newSecretToken, tokenHash } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { consentChannelOf, ConsentService } from '@plaza/api/consent';
import {
  PHOTO_STORAGE,
  photoKeys,
  PhotoQueueRepository,
  PhotoQueueSignal,
  type NewPendingPhoto,
  type PhotoStorage,
  type SpooledPhoto,
} from '@plaza/api/media';
import { Outbox } from '@plaza/api/outbox';
import { ReportTimeline, type NewReportEvent } from '@plaza/api/report-records';
import {
  PUBLIC_REPORT_STATUSES,
  REPORT_LIMITS,
  type FiledReportFeature,
  type Locale,
  type ReportConfirmationResult,
  type ReportStatus,
  type NearbyReportView,
  type ReportClusters,
  type ReportDetailFeature,
  type ReportFeature,
  type SupportResult,
} from '@plaza/shared/contracts';
import { ClustersRepository } from './clusters.repository';
import { ConfirmationMails } from './confirmation-mails';
import { FilingAllowance } from './filing-allowance';
import type { ClusterQuery } from './dto/cluster.query';
import { SupportsRepository } from './supports.repository';
import type { CreateReportDto } from './dto/create-report.dto';
import { encodeCursor, type ReportListQuery } from './dto/list-reports.query';
import { screenReport } from './report-screening';
import { IdempotencyKeyTaken, ReportFilingRepository, type Filing, type FilingOutcome } from './report-filing.repository';
import { ReportErrors } from './reports.errors';
import { ReportsRepository, type ListPlan } from './reports.repository';
import { gridServes, viewportCells } from './viewport-grid';
import type { EntityManager } from 'typeorm';

export interface CreateReportResult {
  /** With `photoUploads`: each photo's id and state (`pending` until the worker has processed it). */
  report: FiledReportFeature;
  /** True when an Idempotency-Key matched an earlier request and its report is returned again. */
  replayed: boolean;
}

/**
 * Who vouches for the reporter's email address. Only an anonymous reporter is asked to confirm it:
 * a session proves it already, staff filing on behalf took the details themselves, and an Open311
 * client marked `verifies_reporters` answers for its own users.
 */
export type ReporterIdentity =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string }
  | { kind: 'staff' }
  | { kind: 'verified_client' };

/** How a report arrived, and from whom. */
export interface CreateReportOptions {
  reporter: ReporterIdentity;
  /** Recorded as the report's channel; `web` when absent. */
  source?: string;
  /** Runs inside the report's transaction, after it is inserted, so the channel's own rows commit with it. */
  withinTransaction?: (manager: EntityManager, reportId: string) => Promise<void>;
  /**
   * Who is calling, for Idempotency-Key scoping: `user:<id>`, `api-client:<id>`, or an anonymous
   * fingerprint (`anon:<hash of address and user agent>`). Two callers never share a key.
   */
  caller?: string;
  /**
   * What the caller has already counted against the abuse limits for this request (the gate, the
   * per-address limit), to be given back if its key turns out to hold a report (a retry). The
   * service makes its own when absent.
   */
  allowance?: FilingAllowance;
}

const IDEMPOTENCY_SCOPE = 'reports.create';

function idempotencyScope(caller: string | undefined): string {
  return caller ? `${IDEMPOTENCY_SCOPE}:${caller}` : IDEMPOTENCY_SCOPE;
}
/**
 * A box is read from the GiST index when it holds at most this many reports per row asked for
 * (5,000 for a 500-report page): each hit may cost a heap page of its own when the table is in
 * arrival order, while walking the newest reports reads contiguous pages at the end of the heap,
 * about limit × (all reports / reports in the box) rows. Measured in docs/performance.md.
 */
const BOX_PLAN_REPORTS_PER_ROW = 10;
const NEARBY_RADIUS_METERS = 150;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly timeline: ReportTimeline,
    private readonly filings: ReportFilingRepository,
    private readonly outbox: Outbox,
    private readonly clusterCells: ClustersRepository,
    private readonly supports: SupportsRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly confirmations: ConfirmationMails,
    private readonly limits: PublicLimits,
    private readonly consent: ConsentService,
    private readonly photoQueue: PhotoQueueRepository,
    private readonly photoSignal: PhotoQueueSignal,
  ) {}

  private get mediaBase(): string {
    return `${this.config.publicUrl}/api/v1/media/`;
  }

  /**
   * A filing's account with the abuse limits: a retry (after a lost answer) of a report this
   * Idempotency-Key of this caller already holds is not counted nor asked for a proof of work
   * (issue 12); whether it is one is read only when a limit refuses (FilingAllowance).
   */
  allowance(idempotencyKey: string | null, caller: string | undefined): FilingAllowance {
    return new FilingAllowance(this.limits, async () => idempotencyKey !== null && this.isRetryOfFiledReport(idempotencyKey, caller));
  }

  /**
   * Whether this Idempotency-Key of this caller already holds a filed report, so the request is a
   * retry that will get the same report back. A different body under the same key is still
   * refused by the claim.
   */
  private async isRetryOfFiledReport(idempotencyKey: string, caller: string | undefined): Promise<boolean> {
    if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) return false;
    return this.reports.holdsLiveReport(idempotencyScope(caller), idempotencyKey, this.config.abuse.idempotencyKeyTtlHours);
  }

  async create(
    input: CreateReportDto,
    photos: SpooledPhoto[],
    idempotencyKey: string | null,
    locale: Locale,
    options: CreateReportOptions,
  ): Promise<CreateReportResult> {
    if (idempotencyKey !== null && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw ReportErrors.invalidIdempotencyKey();
    }
    if (photos.length > REPORT_LIMITS.photosMax) throw ReportErrors.tooManyPhotos(REPORT_LIMITS.photosMax);
    const scope = idempotencyScope(options.caller);
    // An address nobody has vouched for yet: limited per address, whatever the channel. A retry
    // of a report already filed is not a new report: it costs no unit of the quota.
    const allowance = options.allowance ?? this.allowance(idempotencyKey, options.caller);
    if (options.reporter.kind === 'anonymous') {
      await allowance.count((limits, units) => limits.hitReportForEmail(input.reporter.email, units));
    }
    const filing = this.filing(input, locale, options);
    const key = idempotencyKey === null ? null : { scope, key: idempotencyKey, requestHash: requestHash(input, photos) };

    // The common case — an anonymous text report, its mail left to the outbox worker — is one
    // statement and one round trip (docs/decisions/0015-write-path.md). Photos, a channel's own
    // rows, timeline listeners or a mail delivered in the transaction need a transaction around it.
    const oneStatement =
      photos.length === 0 &&
      !options.withinTransaction &&
      !filing.withTimelineEntry &&
      !(filing.mail && this.outbox.deliversInline(filing.mail.channel));
    if (oneStatement) {
      try {
        const outcome = await this.filings.file({ ...filing, idempotency: key && { ...key, mode: 'insert' } });
        const result = this.filed(outcome, filing);
        // Committed by the statement itself: the worker is woken for the mail now.
        if (outcome.kind === 'filed' && outcome.outbox) this.outbox.committed();
        // The same answer as a filing through the transaction below: no photos, so none pending.
        return { ...result, report: { ...result.report, photoUploads: [] } };
      } catch (error) {
        // A key seen before (a retry, a twin, or one past its TTL): the claiming path sorts it out.
        if (!(error instanceof IdempotencyKeyTaken)) throw error;
      }
    }

    // A backlog of hours helps nobody: refused now (503), before anything is stored. A report
    // without photos is never refused for it.
    if (photos.length > 0 && (await this.photoQueue.pendingAtLeast(this.config.photos.queueMax))) {
      throw ReportErrors.photoQueueFull();
    }
    // Originals are copied to storage before the transaction (I/O must not hold a connection);
    // the processing itself happens later, in the photo worker.
    const stored = await this.storeOriginals(photos);
    // The key holds a report already (a retry, or another body under it): nothing counted.
    let keyHoldsReport = false;
    try {
      const result = await this.reports.transaction(async (manager) => {
        if (key !== null) {
          const claim = await this.reports.claimIdempotencyKey(manager, key.scope, key.key, key.requestHash, this.config.abuse.idempotencyKeyTtlHours);
          if (!claim.claimed) {
            keyHoldsReport = claim.resourceId !== null;
            if (claim.requestHash !== key.requestHash || !claim.resourceId) throw ReportErrors.idempotencyKeyReused();
            // The first answer again, and no second mail: the reporter already has their link.
            const feature = await this.reports.findFeatureById(manager, claim.resourceId, locale, this.mediaBase);
            // Deleted since (an expired confirmation takes its key along, so this is another removal).
            if (!feature) throw ReportErrors.idempotentReportGone();
            const awaitingConfirmation = await this.reports.isAwaitingConfirmation(manager, claim.resourceId);
            return { report: { ...(feature as unknown as ReportFeature), awaitingConfirmation }, replayed: true };
          }
        }
        const outcome = await this.filings.file({ ...filing, idempotency: key && { ...key, mode: 'complete' } }, manager);
        if (outcome.kind !== 'filed') return this.filed(outcome, filing);
        await this.photoQueue.enqueue(manager, outcome.id, stored);
        if (outcome.outbox && filing.mail) {
          await this.outbox.written(manager, { ...outcome.outbox, channel: filing.mail.channel });
        }
        // Nothing happens for the city until an anonymous reporter confirms: the first timeline
        // entry (and whatever listens to it) waits for them, see confirm().
        if (outcome.eventId) await this.timeline.written(manager, outcome.eventId, filedEvent(outcome.id, outcome.status));
        await options.withinTransaction?.(manager, outcome.id);
        const result = this.filed(outcome, filing);
        if (stored.length === 0) return result;
        const feature = await this.reports.findFeatureById(manager, outcome.id, locale, this.mediaBase);
        return { ...result, report: { ...(feature as unknown as ReportFeature), awaitingConfirmation: result.report.awaitingConfirmation } };
      });
      if (result.replayed) await this.removePhotos(stored);
      else if (stored.length > 0) this.photoSignal.notify();
      const uploads = result.replayed ? [] : stored.map((photo) => ({ id: photo.id, state: 'pending' as const }));
      return { ...result, report: { ...result.report, photoUploads: uploads } };
    } catch (error) {
      await this.removePhotos(stored);
      throw error;
    } finally {
      if (keyHoldsReport) await allowance.keyHoldsReport();
    }
  }

  /** What one filing writes, apart from its idempotency key: the filing statement's input. */
  private filing(input: CreateReportDto, locale: Locale, options: CreateReportOptions): Omit<Filing, 'idempotency'> & { token: string | null } {
    // The request's language (?lang=, then Accept-Language): the reporter's mails are written in it.
    const reporterLocale = locale;
    const email = input.reporter.email.trim().toLowerCase();
    const name = input.reporter.name.trim();
    const title = input.title.trim();
    const token = options.reporter.kind === 'anonymous' ? newSecretToken() : null;
    const source = options.source ?? 'web';
    const notice = this.consent.notice(locale);
    return {
      title,
      description: input.description.trim(),
      categoryCode: input.category,
      lon: input.lon,
      lat: input.lat,
      address: input.address?.trim() || null,
      screeningHold: screenReport(input),
      reporterName: name,
      reporterEmail: email,
      reporterPhone: input.reporter.phone?.trim() || null,
      reporterShowName: input.reporter.showName,
      source,
      reporterUserId: options.reporter.kind === 'user' ? options.reporter.userId : null,
      reporterLocale,
      confirmation: token ? { tokenHash: tokenHash(token), ttlHours: this.config.reportConfirmationTtlHours } : null,
      // Web, on behalf (staff read the notice to the caller) or an Open311 client: one record each.
      consent: { channel: consentChannelOf(source, options.reporter.kind === 'staff'), noticeLocale: notice.locale, noticeVersion: notice.version },
      mail: token
        ? this.confirmations.forFiling({
            to: email,
            locale: reporterLocale,
            name,
            title,
            // Opens the map in the language the mail is written in.
            url: `${this.config.publicUrl}/confirm/${token}?lang=${reporterLocale}`,
            ttlHours: this.config.reportConfirmationTtlHours,
          })
        : null,
      withTimelineEntry: token === null,
      locale,
      token,
    };
  }

  /** The answer to a filing statement, or the error it calls for. */
  private filed(outcome: FilingOutcome, filing: { token: string | null; categoryCode: string }): CreateReportResult {
    if (outcome.kind === 'unknown_category') throw ReportErrors.unknownCategory(filing.categoryCode);
    if (outcome.kind === 'outside_areas') throw ReportErrors.outsideAreas();
    return { report: { ...(outcome.feature as unknown as ReportFeature), awaitingConfirmation: filing.token !== null }, replayed: false };
  }

  /**
   * The reporter followed the link mailed to them: the report is filed now, public or in the
   * moderation queue as its category says. Following the link again changes nothing.
   */
  async confirm(token: string): Promise<ReportConfirmationResult> {
    if (!CONFIRMATION_TOKEN.test(token)) throw ReportErrors.confirmationNotFound();
    return this.reports.transaction(async (manager) => {
      const target = await this.reports.lockByConfirmationToken(manager, tokenHash(token));
      if (!target) throw ReportErrors.confirmationNotFound();
      if (target.expired) throw ReportErrors.confirmationExpired();
      if (target.pending) {
        await this.reports.markConfirmed(manager, target.id);
        await this.timeline.append(manager, filedEvent(target.id, target.status));
        await this.confirmations.releaseHeld(manager, target.id);
      }
      return {
        ref: target.ref,
        status: target.status,
        public: PUBLIC_REPORT_STATUSES.includes(target.status),
        alreadyConfirmed: !target.pending,
      };
    });
  }

  async list(query: ReportListQuery, locale: Locale): Promise<string> {
    const page = await this.reports.listFeatures(query, locale, this.mediaBase, await this.listPlan(query));
    const nextCursor = page.count === query.limit && page.lastId ? encodeCursor(page.lastId) : null;
    // Assembled as text: the features were serialised by PostgreSQL and need no round trip through objects.
    return `{"type":"FeatureCollection","features":${page.features},"nextCursor":${JSON.stringify(nextCursor)}}`;
  }

  /**
   * How to find a page's reports (ReportsRepository.listFeatures). A view of streets or a
   * neighbourhood: from the viewport grid, whatever its density (it reads at most the cells'
   * reports, and usually about `limit`). Otherwise from the box's GiST-index hits when the box
   * holds few enough reports that reading them all is cheaper than walking the newest reports of
   * the city until `limit` fall inside it; measured in docs/performance.md.
   */
  private async listPlan(query: ReportListQuery): Promise<ListPlan> {
    if (!query.bbox) return { kind: 'newest' };
    const cells = gridServes(query) ? viewportCells(query.bbox) : null;
    if (cells) return { kind: 'grid', cells };
    const around = await this.clusterCells.reportsAround(query.bbox);
    return { kind: around <= BOX_PLAN_REPORTS_PER_ROW * query.limit ? 'box' : 'newest' };
  }

  async get(ref: string, locale: Locale): Promise<ReportDetailFeature> {
    const found = await this.reports.findPublicFeature(ref, locale, this.mediaBase);
    if (!found) throw ReportErrors.notFound(ref);
    const [timeline, duplicateOf, photosProcessing] = await Promise.all([
      this.reports.publicTimeline(found.id),
      this.reports.publicDuplicateOf(found.id),
      this.reports.processingPhotoCount(found.id),
    ]);
    const feature = found.feature as unknown as ReportFeature;
    return { ...feature, properties: { ...feature.properties, photosProcessing, timeline, duplicateOf } };
  }

  nearby(lat: number, lon: number, category: string | null): Promise<NearbyReportView[]> {
    return this.reports.nearby(lon, lat, NEARBY_RADIUS_METERS, category, 10);
  }

  async clusters(query: ClusterQuery): Promise<ReportClusters> {
    const cells = await this.clusterCells.cells(query);
    const total = cells.reduce((sum, cell) => sum + cell.count, 0);
    return { total, zoom: query.zoom, cellDegrees: query.cellDegrees, cells };
  }

  /** "Me too" from an anonymous browser: its random token is stored only as a SHA-256 hash. */
  async support(ref: string, token: string): Promise<SupportResult> {
    const tokenHash = createHash('sha256').update(token).digest('hex');
    const result = await this.supports.add(ref, tokenHash);
    if (!result) throw ReportErrors.notFound(ref);
    return { ref, ...result };
  }

  /**
   * Moves each spooled upload into storage as the photo's original (never served, see
   * media.controller.ts): renamed on local disk, streamed to a bucket.
   */
  private async storeOriginals(photos: SpooledPhoto[]): Promise<NewPendingPhoto[]> {
    const stored: NewPendingPhoto[] = [];
    try {
      for (const photo of photos) {
        const id = randomUUID();
        const pending = { id, ...photoKeys(id), bytes: photo.bytes };
        await this.storage.putFile(pending.originalKey, photo.file, photo.bytes);
        stored.push(pending);
      }
      return stored;
    } catch (error) {
      await this.removePhotos(stored);
      throw error;
    }
  }

  private async removePhotos(rows: NewPendingPhoto[]): Promise<void> {
    await Promise.all(rows.map((r) => this.storage.remove(r.originalKey)));
  }
}

// newSecretToken(): 32 random bytes in base64url.
const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The first entry of a report's timeline: filed by its reporter, public from the start. */
function filedEvent(reportId: string, status: ReportStatus): NewReportEvent {
  return { reportId, actorKind: 'citizen', actorId: null, from: null, to: status, message: null, isPublic: true };
}

function requestHash(input: CreateReportDto, photos: SpooledPhoto[]): string {
  const hash = createHash('sha256').update(JSON.stringify(input));
  for (const photo of photos) {
    // Spooled with a digest whenever the request carries a key (reports.controller.ts).
    if (photo.sha256 === null) throw new Error('photo spooled without its digest');
    hash.update(Buffer.from(photo.sha256, 'hex'));
  }
  return hash.digest('hex');
}
