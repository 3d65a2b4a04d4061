import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { DomainError } from '@plaza/api/http';
import type { AdminArea, AreaUploadResult, FieldError } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { AdminErrors, isUniqueViolation, requireUuid } from '../admin.errors';
import type { UpdateAreaDto } from './area.dto';
import { parseAreaUpload, type AreaFeatureInput } from './area-upload';
import { AreasRepository, toAdminArea } from './areas.repository';

/**
 * Areas (districts, neighbourhoods) that reports fall in and routing rules refer to. Uploads are
 * all or nothing: every feature is checked first, then all are written in one transaction.
 */
@Injectable()
export class AreasService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly areas: AreasRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminArea[]> {
    return this.areas.list();
  }

  /** Creates new codes, replaces the geometry and name of existing ones, and says what PostGIS repaired. */
  async upload(actor: AuditActor, doc: unknown): Promise<AreaUploadResult> {
    const features = parseAreaUpload(doc);
    const repaired = await this.checkGeometries(features);
    return this.db.transaction(async (manager) => {
      const result: AreaUploadResult = { created: [], updated: [], repaired };
      for (const feature of features) {
        const geojson = JSON.stringify(feature.geometry);
        const before = await this.areas.findByCode(manager, feature.code);
        let id: string;
        if (before) {
          await this.areas.replace(manager, before.id, { name: feature.name, kind: feature.kind, geojson });
          id = before.id;
        } else {
          id = await this.areas.insert(manager, {
            code: feature.code,
            name: feature.name,
            kind: feature.kind,
            geojson,
          });
        }
        const after = await this.areas.find(manager, id);
        if (!after) throw new Error(`Area ${feature.code} vanished while uploading`);
        await this.audit.record(manager, {
          actor,
          action: before ? 'area.replace' : 'area.create',
          entityType: 'area',
          entityId: id,
          before,
          after: { ...after, repaired: repaired.find((r) => r.code === feature.code)?.reason ?? null },
        });
        (before ? result.updated : result.created).push(toAdminArea(after));
      }
      return result;
    });
  }

  async update(actor: AuditActor, rawId: string, input: UpdateAreaDto): Promise<AdminArea> {
    const id = requireUuid(rawId, 'area');
    try {
      return await this.db.transaction(async (manager) => {
        const before = await this.areas.find(manager, id);
        if (!before) throw AdminErrors.notFound('area');
        if (input.code && input.code !== before.code && (await this.areas.findByCode(manager, input.code))) {
          throw AdminErrors.codeTaken('area', input.code);
        }
        await this.areas.update(manager, id, {
          code: input.code,
          name: input.name?.trim(),
          kind: input.kind,
        });
        const after = await this.areas.find(manager, id);
        await this.audit.record(manager, {
          actor,
          action: 'area.update',
          entityType: 'area',
          entityId: id,
          before,
          after,
        });
        return toAdminArea(after!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AdminErrors.codeTaken('area', input.code ?? '');
      throw error;
    }
  }

  /** Refused while reports lie in the area: they would lose where they are. Upload a new shape instead. */
  async remove(actor: AuditActor, rawId: string): Promise<void> {
    const id = requireUuid(rawId, 'area');
    await this.db.transaction(async (manager) => {
      const before = await this.areas.find(manager, id);
      if (!before) throw AdminErrors.notFound('area');
      const reports = await this.areas.reportCount(manager, id);
      if (reports > 0) {
        throw AdminErrors.inUse(
          'area',
          `${reports} reports lie in this area: upload a corrected shape instead of deleting it.`,
        );
      }
      await this.areas.delete(manager, id);
      await this.audit.record(manager, {
        actor,
        action: 'area.delete',
        entityType: 'area',
        entityId: id,
        before,
      });
    });
  }

  /**
   * Asks PostGIS about each geometry before anything is written (outside the transaction, so a
   * geometry PostGIS cannot even parse is a 422, not an aborted transaction).
   */
  private async checkGeometries(features: AreaFeatureInput[]): Promise<AreaUploadResult['repaired']> {
    const errors: FieldError[] = [];
    const repaired: AreaUploadResult['repaired'] = [];
    for (const feature of features) {
      const field = `features[${feature.index}].geometry`;
      try {
        const check = await this.areas.check(JSON.stringify(feature.geometry));
        if (check.emptyAfterRepair) {
          errors.push({
            field,
            code: 'degenerate',
            message: 'The geometry has no area left once repaired (collapsed rings?).',
          });
        } else if (!check.valid) {
          repaired.push({ code: feature.code, reason: check.reason });
        }
      } catch (error) {
        errors.push({
          field,
          code: 'invalid_geometry',
          message: `PostGIS cannot read this geometry: ${(error as Error).message}`,
        });
      }
    }
    if (errors.length) throw DomainError.validation(errors, 'Some areas in the upload are not valid.');
    return repaired;
  }
}
