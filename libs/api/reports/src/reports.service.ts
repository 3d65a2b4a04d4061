import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { CatalogRepository } from '@plaza/api/catalog';
import { InvalidPhotoError, PHOTO_STORAGE, processPhoto, type PhotoStorage } from '@plaza/api/media';
import {
  REPORT_LIMITS,
  type Locale,
  type NearbyReportView,
  type ReportClusters,
  type ReportDetailFeature,
  type ReportFeature,
  type SupportResult,
} from '@plaza/shared/contracts';
import { ClustersRepository } from './clusters.repository';
import type { ClusterQuery } from './dto/cluster.query';
import { SupportsRepository } from './supports.repository';
import type { CreateReportDto } from './dto/create-report.dto';
import { encodeCursor, type ReportListQuery } from './dto/list-reports.query';
import { ReportErrors } from './reports.errors';
import { ReportsRepository, type NewPhotoRow } from './reports.repository';
import type { EntityManager } from 'typeorm';

export interface CreateReportResult {
  report: ReportFeature;
  /** True when an Idempotency-Key matched an earlier request and its report is returned again. */
  replayed: boolean;
}

/** How a report arrived, for channels other than the map (Open311 clients). */
export interface CreateReportOptions {
  /** Recorded as the report's channel; `web` when absent. */
  source?: string;
  /** Runs inside the report's transaction, after it is inserted, so the channel's own rows commit with it. */
  withinTransaction?: (manager: EntityManager, reportId: string) => Promise<void>;
}

const IDEMPOTENCY_SCOPE = 'reports.create';
const NEARBY_RADIUS_METERS = 150;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly catalog: CatalogRepository,
    private readonly clusterCells: ClustersRepository,
    private readonly supports: SupportsRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get mediaBase(): string {
    return `${this.config.publicUrl}/api/v1/media/`;
  }

  async create(
    input: CreateReportDto,
    photos: Buffer[],
    idempotencyKey: string | null,
    locale: Locale,
    options: CreateReportOptions = {},
  ): Promise<CreateReportResult> {
    if (idempotencyKey !== null && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw ReportErrors.invalidIdempotencyKey();
    }
    if (photos.length > REPORT_LIMITS.photosMax) throw ReportErrors.tooManyPhotos(REPORT_LIMITS.photosMax);
    const category = await this.catalog.findActiveCategory(input.category);
    if (!category) throw ReportErrors.unknownCategory(input.category);

    // Photos are re-encoded before the transaction: CPU work must not hold a database connection.
    const stored = await this.storePhotos(photos);
    try {
      const result = await this.reports.transaction(async (manager) => {
        if (idempotencyKey !== null) {
          const claim = await this.reports.claimIdempotencyKey(
            manager,
            IDEMPOTENCY_SCOPE,
            idempotencyKey,
            requestHash(input, photos),
          );
          if (!claim.claimed) {
            if (claim.requestHash !== requestHash(input, photos) || !claim.resourceId) {
              throw ReportErrors.idempotencyKeyReused();
            }
            const feature = await this.reports.findFeatureById(manager, claim.resourceId, locale, this.mediaBase);
            return { report: feature as unknown as ReportFeature, replayed: true };
          }
        }
        const placement = await this.catalog.place(input.lon, input.lat, category.id, manager);
        if (!placement) throw ReportErrors.outsideAreas();
        const status = category.requiresModeration ? 'unconfirmed' : 'confirmed';
        const { id } = await this.reports.insert(manager, {
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
        });
        await this.reports.insertPhotos(manager, id, stored);
        await this.reports.insertEvent(manager, {
          reportId: id,
          actorKind: 'citizen',
          from: null,
          to: status,
          message: null,
          isPublic: true,
        });
        await options.withinTransaction?.(manager, id);
        if (idempotencyKey !== null) {
          await this.reports.completeIdempotencyKey(manager, IDEMPOTENCY_SCOPE, idempotencyKey, id);
        }
        const feature = await this.reports.findFeatureById(manager, id, locale, this.mediaBase);
        return { report: feature as unknown as ReportFeature, replayed: false };
      });
      if (result.replayed) await this.removePhotos(stored);
      return result;
    } catch (error) {
      await this.removePhotos(stored);
      throw error;
    }
  }

  async list(query: ReportListQuery, locale: Locale): Promise<string> {
    const page = await this.reports.listFeatures(query, locale, this.mediaBase);
    const nextCursor = page.count === query.limit && page.lastId ? encodeCursor(page.lastId) : null;
    // Assembled as text: the features were serialised by PostgreSQL and need no round trip through objects.
    return `{"type":"FeatureCollection","features":${page.features},"nextCursor":${JSON.stringify(nextCursor)}}`;
  }

  async get(ref: string, locale: Locale): Promise<ReportDetailFeature> {
    const found = await this.reports.findPublicFeature(ref, locale, this.mediaBase);
    if (!found) throw ReportErrors.notFound(ref);
    const timeline = await this.reports.publicTimeline(found.id);
    const feature = found.feature as unknown as ReportFeature;
    return { ...feature, properties: { ...feature.properties, timeline } };
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

function requestHash(input: CreateReportDto, photos: Buffer[]): string {
  const hash = createHash('sha256').update(JSON.stringify(input));
  for (const photo of photos) hash.update(createHash('sha256').update(photo).digest());
  return hash.digest('hex');
}
