import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import type { AdminCategory } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrors, isUniqueViolation } from '../admin.errors';
import { DepartmentsRepository } from '../departments/departments.repository';
import { cleanText } from '../localized-text.dto';
import { CategoriesRepository } from './categories.repository';
import type { CreateCategoryDto, UpdateCategoryDto } from './category.dto';

/**
 * Categories citizens report under. The public list (GET /api/v1/categories) reads the table on
 * every request (no server-side cache), so a change shows there at once; browsers may keep the
 * old list for up to a minute (its Cache-Control).
 */
@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly categories: CategoriesRepository,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminCategory[]> {
    return this.categories.list();
  }

  async create(actor: AuditActor, input: CreateCategoryDto): Promise<AdminCategory> {
    try {
      return await this.db.transaction(async (manager) => {
        if (await this.categories.find(manager, input.code))
          throw AdminErrors.codeTaken('category', input.code);
        await this.assertDepartmentActive(manager, input.defaultDepartmentId);
        await this.categories.insert(manager, input.code, {
          name: cleanText(input.name),
          description: cleanText(input.description),
          group: input.group ? cleanText(input.group) : null,
          icon: input.icon,
          defaultDepartmentId: input.defaultDepartmentId.toLowerCase(),
          requiresModeration: input.requiresModeration,
          targetDays: input.targetDays,
          active: input.active ?? true,
        });
        const after = await this.categories.find(manager, input.code);
        await this.audit.record(manager, {
          actor,
          action: 'category.create',
          entityType: 'category',
          entityId: input.code,
          after,
        });
        return after as AdminCategory;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AdminErrors.codeTaken('category', input.code);
      throw error;
    }
  }

  async update(actor: AuditActor, code: string, input: UpdateCategoryDto): Promise<AdminCategory> {
    return this.db.transaction(async (manager) => {
      const before = await this.categories.find(manager, code);
      if (!before) throw AdminErrors.notFound('category');
      if (input.defaultDepartmentId !== undefined)
        await this.assertDepartmentActive(manager, input.defaultDepartmentId);
      await this.categories.update(manager, code, {
        name: input.name && cleanText(input.name),
        description: input.description && cleanText(input.description),
        group: input.group === undefined ? undefined : input.group === null ? null : cleanText(input.group),
        icon: input.icon,
        defaultDepartmentId: input.defaultDepartmentId?.toLowerCase(),
        requiresModeration: input.requiresModeration,
        targetDays: input.targetDays,
        active: input.active,
      });
      const after = await this.categories.find(manager, code);
      await this.audit.record(manager, {
        actor,
        action: 'category.update',
        entityType: 'category',
        entityId: code,
        before,
        after,
      });
      return after as AdminCategory;
    });
  }

  private async assertDepartmentActive(manager: EntityManager, id: string): Promise<void> {
    if (!(await this.departments.isActive(manager, id.toLowerCase()))) {
      throw AdminErrors.field(
        'defaultDepartmentId',
        'unknown_department',
        'defaultDepartmentId must be an active department',
      );
    }
  }
}
