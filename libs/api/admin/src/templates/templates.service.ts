import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { DomainError } from '@plaza/api/http';
import type { ResponseTemplate } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrors, requireUuid } from '../admin.errors';
import {
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
  type CreateTemplateDto,
  type UpdateTemplateDto,
} from './template.dto';
import { TemplatesRepository, type TemplateFilter } from './templates.repository';

/** Canned replies staff start from, in the city's voice, with their style notes. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: TemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  list(filter: TemplateFilter): Promise<ResponseTemplate[]> {
    return this.templates.list(filter);
  }

  async create(actor: AuditActor, input: CreateTemplateDto): Promise<ResponseTemplate> {
    assertPlaceholders(input.body);
    return this.db.transaction(async (manager) => {
      const id = await this.templates.insert(manager, {
        title: input.title.trim(),
        locale: input.locale,
        categoryId: await this.categoryIdOf(manager, input.categoryCode ?? null),
        status: input.status ?? null,
        body: input.body.trim(),
        styleNotes: input.styleNotes?.trim() ?? '',
        active: input.active ?? true,
      });
      const after = await this.templates.find(manager, id);
      await this.audit.record(manager, {
        actor,
        action: 'template.create',
        entityType: 'template',
        entityId: id,
        after,
      });
      return after as ResponseTemplate;
    });
  }

  async update(actor: AuditActor, rawId: string, input: UpdateTemplateDto): Promise<ResponseTemplate> {
    const id = requireUuid(rawId, 'template');
    if (input.body !== undefined) assertPlaceholders(input.body);
    return this.db.transaction(async (manager) => {
      const before = await this.templates.find(manager, id);
      if (!before) throw AdminErrors.notFound('template');
      await this.templates.update(manager, id, {
        title: input.title?.trim(),
        locale: input.locale,
        categoryId:
          input.categoryCode === undefined ? undefined : await this.categoryIdOf(manager, input.categoryCode),
        status: input.status,
        body: input.body?.trim(),
        styleNotes: input.styleNotes?.trim(),
        active: input.active,
      });
      const after = await this.templates.find(manager, id);
      await this.audit.record(manager, {
        actor,
        action: 'template.update',
        entityType: 'template',
        entityId: id,
        before,
        after,
      });
      return after as ResponseTemplate;
    });
  }

  async remove(actor: AuditActor, rawId: string): Promise<void> {
    const id = requireUuid(rawId, 'template');
    await this.db.transaction(async (manager) => {
      const before = await this.templates.find(manager, id);
      if (!before) throw AdminErrors.notFound('template');
      await this.templates.delete(manager, id);
      await this.audit.record(manager, {
        actor,
        action: 'template.delete',
        entityType: 'template',
        entityId: id,
        before,
      });
    });
  }

  private async categoryIdOf(manager: EntityManager, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const id = await this.templates.categoryId(manager, code);
    if (!id)
      throw AdminErrors.field(
        'categoryCode',
        'unknown_category',
        'categoryCode must be an existing category, or null',
      );
    return id;
  }
}

function assertPlaceholders(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length) {
    throw DomainError.validation([
      {
        field: 'body',
        code: 'unknown_placeholder',
        message: `Unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}: use ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
      },
    ]);
  }
}
