import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import type { AdminDepartment } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { AdminErrors, isUniqueViolation, requireUuid } from '../admin.errors';
import { cleanText } from '../localized-text.dto';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './department.dto';
import { DepartmentsRepository } from './departments.repository';
import { assertDispatchComplete, dispatchColumns } from './dispatch-settings';

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly departments: DepartmentsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminDepartment[]> {
    return this.departments.list();
  }

  async create(actor: AuditActor, input: CreateDepartmentDto): Promise<AdminDepartment> {
    try {
      return await this.db.transaction(async (manager) => {
        if (await this.departments.codeTaken(manager, input.code))
          throw AdminErrors.codeTaken('department', input.code);
        const id = await this.departments.insert(manager, {
          code: input.code,
          name: cleanText(input.name),
          contactEmail: input.contactEmail.trim().toLowerCase(),
          locale: input.locale ?? 'es',
          active: input.active ?? true,
        });
        const dispatch = dispatchColumns(input);
        assertDispatchComplete(null, dispatch);
        await this.departments.updateDispatch(manager, id, dispatch);
        const after = await this.departments.find(manager, id);
        await this.audit.record(manager, {
          actor,
          action: 'department.create',
          entityType: 'department',
          entityId: id,
          after,
        });
        return after as AdminDepartment;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AdminErrors.codeTaken('department', input.code);
      throw error;
    }
  }

  async update(actor: AuditActor, rawId: string, input: UpdateDepartmentDto): Promise<AdminDepartment> {
    const id = requireUuid(rawId, 'department');
    return this.db.transaction(async (manager) => {
      const before = await this.departments.find(manager, id);
      if (!before) throw AdminErrors.notFound('department');
      const dispatch = dispatchColumns(input);
      assertDispatchComplete(before.dispatch, dispatch);
      if (input.active === false && before.active) {
        const usage = await this.departments.usage(manager, id);
        if (usage.categories > 0 || usage.rules > 0) {
          throw AdminErrors.inUse(
            'department',
            `Still in charge of ${usage.categories} active categories and ${usage.rules} routing rules: move them first.`,
          );
        }
      }
      await this.departments.update(manager, id, {
        name: input.name && cleanText(input.name),
        contactEmail: input.contactEmail?.trim().toLowerCase(),
        locale: input.locale,
        active: input.active,
      });
      await this.departments.updateDispatch(manager, id, dispatch);
      const after = await this.departments.find(manager, id);
      await this.audit.record(manager, {
        actor,
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        before,
        // The key never enters the log, but that it was replaced or removed does.
        after: dispatch.open311_api_key === undefined ? after : { ...after, open311ApiKeyChanged: true },
      });
      return after as AdminDepartment;
    });
  }
}
