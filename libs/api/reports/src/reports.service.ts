import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PublicLimits } from '@plaza/api/abuse';
import { newSecretToken, tokenHash } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { consentChannelOf, ConsentService } from '@plaza/api/consent';
import { CatalogRepository } from '@plaza/api/catalog';
import { InvalidPhotoError, PHOTO_STORAGE, processPhoto, type PhotoStorage } from '@plaza/api/media';
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
import type { ClusterQuery } from './dto/cluster.query';
import { SupportsRepository } from './supports.repository';
import type { CreateReportDto } from './dto/create-report.dto';
import { encodeCursor, type ReportListQuery } from './dto/list-reports.query';
import { screenReport } from './report-screening';
import { ReportErrors } from './reports.errors';
import { ReportsRepository, type NewPhotoRow } from './reports.repository';
import type { EntityManager } from 'typeorm';

export interface CreateReportResult {
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
    private readonly catalog: CatalogRepository,
    private readonly clusterCells: ClustersRepository,
    private readonly supports: SupportsRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly confirmations: ConfirmationMails,
    private readonly limits: PublicLimits,
    private readonly consent: ConsentService,
  ) {}

  private get mediaBase(): string {
    return `${this.config.publicUrl}/api/v1/media/`;
  }

  /**
   * Whether this Idempotency-Key of this caller already holds a filed report, so the request is a
   * retry (after a lost answer) that will get the same report back. Such a retry is not counted
   * against the filing limits nor asked for a proof of work: a client retrying after a network
   * error must not lock itself out (issue 12). A different body under the same key is still
   * refused (409) by the claim.
   */
  async isRetryOfFiledReport(idempotencyKey: string, caller: string | undefined): Promise<boolean> {
    if (!/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) return false;
    return this.reports.holdsLiveReport(idempotencyScope(caller), idempotencyKey, this.config.abuse.idempotencyKeyTtlHours);
  }

  async create(
    input: CreateReportDto,
    photos: Buffer[],
    idempotencyKey: string | null,
    locale: Locale,
    options: CreateReportOptions,
  ): Promise<CreateReportResult> {
    if (idempotencyKey !== null && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw ReportErrors.invalidIdempotencyKey();
    }
    if (photos.length > REPORT_LIMITS.photosMax) throw ReportErrors.tooManyPhotos(REPORT_LIMITS.photosMax);
    const category = await this.catalog.findActiveCategory(input.category);
    if (!category) throw ReportErrors.unknownCategory(input.category);
    const scope = idempotencyScope(options.caller);
    // An address nobody has vouched for yet: limited per address, whatever the channel. A retry
    // of a report already filed is not a new report: it costs no unit of the quota.
    const retry = idempotencyKey !== null && (await this.isRetryOfFiledReport(idempotencyKey, options.caller));
    if (options.reporter.kind === 'anonymous' && !retry) await this.limits.hitReportForEmail(input.reporter.email);

    // Photos are re-encoded before the transaction: CPU work must not hold a database connection.
    const stored = await this.storePhotos(photos);
    try {
      const result = await this.reports.transaction(async (manager) => {
        if (idempotencyKey !== null) {
          const claim = await this.reports.claimIdempotencyKey(
            manager,
            scope,
            idempotencyKey,
            requestHash(input, photos),
            this.config.abuse.idempotencyKeyTtlHours,
          );
          if (!claim.claimed) {
            if (claim.requestHash !== requestHash(input, photos) || !claim.resourceId) {
              throw ReportErrors.idempotencyKeyReused();
            }
            // The first answer again, and no second mail: the reporter already has their link.
            const feature = await this.reports.findFeatureById(manager, claim.resourceId, locale, this.mediaBase);
            // Deleted since (an expired confirmation takes its key along, so this is another removal).
            if (!feature) throw ReportErrors.idempotentReportGone();
            const awaitingConfirmation = await this.reports.isAwaitingConfirmation(manager, claim.resourceId);
            return { report: { ...(feature as unknown as ReportFeature), awaitingConfirmation }, replayed: true };
          }
        }
        const placement = await this.catalog.place(input.lon, input.lat, category.id, manager);
        if (!placement) throw ReportErrors.outsideAreas();
        const screeningHold = screenReport(input);
        const moderated = category.requiresModeration || screeningHold !== null;
        const status = moderated ? 'unconfirmed' : 'confirmed';
        const reporterLocale = mailLocale(locale);
        const token = options.reporter.kind === 'anonymous' ? newSecretToken() : null;
        const { id, ref } = await this.reports.insert(manager, {
          title: input.title.trim(),
          description: input.description.trim(),
          categoryId: category.id,
          lon: input.lon,
          lat: input.lat,
          address: input.address?.trim() || null,
          areaId: placement.areaId,
          departmentId: placement.departmentId,
          status,
          reporterName: input.reporter.name.trim(),
          reporterEmail: input.reporter.email.trim().toLowerCase(),
          reporterPhone: input.reporter.phone?.trim() || null,
          reporterShowName: input.reporter.showName,
          source: options.source ?? 'web',
          reporterUserId: options.reporter.kind === 'user' ? options.reporter.userId : null,
          reporterLocale,
          confirmation: token ? { tokenHash: tokenHash(token), ttlHours: this.config.reportConfirmationTtlHours } : null,
          screeningHold,
        });
        await this.reports.insertPhotos(manager, id, stored);
        // Web, on behalf (staff read the notice to the caller) or an Open311 client: one record each.
        await this.consent.record(manager, {
          form: 'report',
          channel: consentChannelOf(options.source ?? 'web', options.reporter.kind === 'staff'),
          locale,
          userId: options.reporter.kind === 'user' ? options.reporter.userId : null,
          reportId: id,
        });
        if (token) {
          // Nothing happens for the city until the reporter confirms: the first timeline entry
          // (and whatever listens to it) waits for them, see confirm().
          await this.confirmations.request(manager, {
              to: input.reporter.email.trim().toLowerCase(),
              locale: reporterLocale,
              reportId: id,
              name: input.reporter.name.trim(),
              ref,
              title: input.title.trim(),
              // Opens the map in the language the mail is written in.
              url: `${this.config.publicUrl}/confirm/${token}?lang=${reporterLocale}`,
              ttlHours: this.config.reportConfirmationTtlHours,
              moderated,
          });
        } else {
          await this.timeline.append(manager, filedEvent(id, status));
        }
        await options.withinTransaction?.(manager, id);
        if (idempotencyKey !== null) {
          await this.reports.completeIdempotencyKey(manager, scope, idempotencyKey, id);
        }
        const feature = await this.reports.findFeatureById(manager, id, locale, this.mediaBase);
        return { report: { ...(feature as unknown as ReportFeature), awaitingConfirmation: token !== null }, replayed: false };
      });
      if (result.replayed) await this.removePhotos(stored);
      return result;
    } catch (error) {
      await this.removePhotos(stored);
      throw error;
    }
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
   * How to find a page's reports (ReportsRepository.listFeatures): from the box's GiST-index hits
   * when the box holds few enough reports that reading them all is cheaper than walking the
   * newest reports of the city until `limit` fall inside it; measured in docs/performance.md.
   */
  private async listPlan(query: ReportListQuery): Promise<'newest' | 'box'> {
    if (!query.bbox) return 'newest';
    const around = await this.clusterCells.reportsAround(query.bbox);
    return around <= BOX_PLAN_REPORTS_PER_ROW * query.limit ? 'box' : 'newest';
  }

  async get(ref: string, locale: Locale): Promise<ReportDetailFeature> {
    const found = await this.reports.findPublicFeature(ref, locale, this.mediaBase);
    if (!found) throw ReportErrors.notFound(ref);
    const [timeline, duplicateOf] = await Promise.all([
      this.reports.publicTimeline(found.id),
      this.reports.publicDuplicateOf(found.id),
    ]);
    const feature = found.feature as unknown as ReportFeature;
    return { ...feature, properties: { ...feature.properties, timeline, duplicateOf } };
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

  private async storePhotos(photos: Buffer[]): Promise<NewPhotoRow[]> {
    const stored: NewPhotoRow[] = [];
    try {
      for (const [index, photo] of photos.entries()) {
        let processed;
        try {
          processed = await processPhoto(photo);
        } catch (error) {
          if (error instanceof InvalidPhotoError) throw ReportErrors.invalidPhoto(index, error.message);
          throw error;
        }
        const id = randomUUID();
        const row = {
          storageKey: `${id}.jpg`,
          thumbnailKey: `${id}-thumb.jpg`,
          width: processed.width,
          height: processed.height,
          bytes: processed.full.length,
        };
        await this.storage.put(row.storageKey, processed.full);
        await this.storage.put(row.thumbnailKey, processed.thumbnail);
        stored.push(row);
      }
      return stored;
    } catch (error) {
      await this.removePhotos(stored);
      throw error;
    }
  }

  private async removePhotos(rows: NewPhotoRow[]): Promise<void> {
    await Promise.all(rows.flatMap((r) => [this.storage.remove(r.storageKey), this.storage.remove(r.thumbnailKey)]));
  }
}

// newSecretToken(): 32 random bytes in base64url.
const CONFIRMATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The first entry of a report's timeline: filed by its reporter, public from the start. */
function filedEvent(reportId: string, status: ReportStatus): NewReportEvent {
  return { reportId, actorKind: 'citizen', actorId: null, from: null, to: status, message: null, isPublic: true };
}

/** Mail is written in Spanish or English; the other languages of the site read the Spanish one. */
function mailLocale(locale: Locale): 'es' | 'en' {
  return locale === 'en' ? 'en' : 'es';
}

function requestHash(input: CreateReportDto, photos: Buffer[]): string {
  const hash = createHash('sha256').update(JSON.stringify(input));
  for (const photo of photos) hash.update(createHash('sha256').update(photo).digest());
  return hash.digest('hex');
}
