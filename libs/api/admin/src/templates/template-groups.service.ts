import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { DomainError } from '@plaza/api/http';
import { LOCALES, type FieldError, type ResponseTemplateGroup } from '@plaza/shared/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrors, requireUuid } from '../admin.errors';
import type { CreateTemplateGroupDto, TemplateTextsDto, UpdateTemplateGroupDto } from './template-group.dto';
import { groupTemplates } from './template-groups';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './template.dto';
import { TemplatesRepository } from './templates.repository';

/**
 * Response templates as the console edits them: one template, every language (one row each,
 * sharing a group id). Creating one, or changing its texts, takes all five languages at once.
 */
@Injectable()
export class TemplateGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly templates: TemplatesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ResponseTemplateGroup[]> {
    return groupTemplates(await this.templates.groupRows(this.db.manager, null));
  }

  async create(actor: AuditActor, input: CreateTemplateGroupDto): Promise<ResponseTemplateGroup> {
    assertPlaceholders(input.texts);
    return this.db.transaction(async (manager) => {
      const id = randomUUID();
      const shared = {
        categoryId: await this.categoryIdOf(manager, input.categoryCode ?? null),
        status: input.status ?? null,
        active: input.active ?? true,
      };
      await this.writeTexts(manager, id, input.texts, shared);
      const after = await this.find(manager, id);
      await this.audit.record(manager, { actor, action: 'template.create', entityType: 'template', entityId: id, after });
      return after as ResponseTemplateGroup;
    });
  }

  async update(actor: AuditActor, rawId: string, input: UpdateTemplateGroupDto): Promise<ResponseTemplateGroup> {
    const id = requireUuid(rawId, 'template');
    if (input.texts) assertPlaceholders(input.texts);
    return this.db.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw AdminErrors.notFound('template');
      const categoryId =
        input.categoryCode === undefined ? undefined : await this.categoryIdOf(manager, input.categoryCode);
      await this.templates.updateGroup(manager, id, { categoryId, status: input.status, active: input.active });
      if (input.texts) {
        const shared = {
          categoryId: categoryId === undefined ? await this.categoryIdOf(manager, before.categoryCode) : categoryId,
          status: input.status === undefined ? before.status : input.status,
          active: input.active ?? before.active,
        };
        await this.writeTexts(manager, id, input.texts, shared);
      }
      const after = await this.find(manager, id);
      await this.audit.record(manager, { actor, action: 'template.update', entityType: 'template', entityId: id, before, after });
      return after as ResponseTemplateGroup;
    });
  }

  async remove(actor: AuditActor, rawId: string): Promise<void> {
    const id = requireUuid(rawId, 'template');
    await this.db.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw AdminErrors.notFound('template');
      await this.templates.deleteGroup(manager, id);
      await this.audit.record(manager, { actor, action: 'template.delete', entityType: 'template', entityId: id, before });
    });
  }

  private async find(manager: EntityManager, id: string): Promise<ResponseTemplateGroup | null> {
    return groupTemplates(await this.templates.groupRows(manager, id))[0] ?? null;
  }

  private async writeTexts(
    manager: EntityManager,
    id: string,
    texts: TemplateTextsDto,
    shared: { categoryId: string | null; status: string | null; active: boolean },
  ): Promise<void> {
    for (const locale of LOCALES) {
      const text = texts[locale];
      await this.templates.upsertText(
        manager,
        id,
        locale,
        { title: text.title.trim(), body: text.body.trim(), styleNotes: text.styleNotes?.trim() ?? '' },
        shared,
      );
    }
  }

  private async categoryIdOf(manager: EntityManager, code: string | null): Promise<string | null> {
    if (code === null) return null;
    const id = await this.templates.categoryId(manager, code);
    if (!id) throw AdminErrors.field('categoryCode', 'unknown_category', 'categoryCode must be an existing category, or null');
    return id;
  }
}

/** Every language's body may only use the placeholders Plaza fills; each wrong one is named by its field. */
function assertPlaceholders(texts: TemplateTextsDto): void {
  const errors: FieldError[] = [];
  for (const locale of LOCALES) {
    const unknown = unknownPlaceholders(texts[locale].body);
    if (unknown.length) {
      errors.push({
        field: `texts.${locale}.body`,
        code: 'unknown_placeholder',
        message: `Unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}: use ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
      });
    }
  }
  if (errors.length) throw DomainError.validation(errors);
}
