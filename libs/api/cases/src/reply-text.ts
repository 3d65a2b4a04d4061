import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { DomainError } from '@plaza/api/http';
import { fillTemplate, type TemplateValues } from '@plaza/shared/moderation';
import type { EntityManager } from 'typeorm';
import { CaseErrors } from './cases.errors';
import { ReplyTemplatesRepository, type TemplateRow } from './reply-templates.repository';

export type { TemplateRow } from './reply-templates.repository';

/** The public text of replies: templates and their placeholders filled for a case. */
@Injectable()
export class ReplyText {
  constructor(
    private readonly templates: ReplyTemplatesRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'city'>,
  ) {}

  /** An active template usable on this case: one for its category or for every category. */
  async findTemplate(manager: EntityManager, templateId: string, categoryId: string): Promise<TemplateRow> {
    const row = await this.templates.usable(manager, templateId, categoryId);
    if (!row) throw CaseErrors.templateNotFound();
    return row;
  }

  /** What a template's placeholders stand for on this case, in the template's language. */
  async placeholderValues(manager: EntityManager, reportId: string, locale: string): Promise<TemplateValues> {
    const row = await this.templates.placeholders(manager, reportId, locale);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: this.config.city.timeZone }).format(new Date());
    return { ...row, date };
  }

  /**
   * The public text of a reply: the staff member's text, or the template's, with placeholders filled.
   * A placeholder that cannot be filled is refused rather than published with a hole in it.
   */
  async replyText(
    manager: EntityManager,
    input: { body?: string; templateId?: string },
    reportId: string,
    categoryId: string,
    field = 'body',
  ): Promise<{ text: string; templateId: string | null }> {
    const template = input.templateId ? await this.findTemplate(manager, input.templateId, categoryId) : null;
    const source = input.body ?? template?.body;
    if (!source) throw CaseErrors.field(field, 'required', `${field} or templateId is required`);
    const filled = fillTemplate(source, await this.placeholderValues(manager, reportId, template?.locale ?? 'es'));
    const holes = [...filled.unknown, ...filled.missing];
    if (holes.length) {
      throw DomainError.validation([
        {
          field,
          code: 'unfilled_placeholder',
          message: `These placeholders cannot be filled on this case: ${holes.map((h) => `{${h}}`).join(', ')}`,
        },
      ]);
    }
    return { text: filled.text.trim(), templateId: template?.id ?? null };
  }
}
