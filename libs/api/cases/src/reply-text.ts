import { DomainError } from '@plaza/api/http';
import { fillTemplate, type TemplateValues } from '@plaza/shared/moderation';
import type { EntityManager } from 'typeorm';
import { CaseErrors } from './cases.errors';

export interface TemplateRow {
  id: string;
  locale: string;
  body: string;
  styleNotes: string;
}

/** An active template usable on this case: one for its category or for every category. */
export async function findTemplate(manager: EntityManager, templateId: string, categoryId: string): Promise<TemplateRow> {
  const [row] = await manager.query(
    `SELECT id, locale, body, style_notes AS "styleNotes" FROM response_templates
      WHERE id = $1 AND active AND (category_id IS NULL OR category_id = $2)`,
    [templateId, categoryId],
  );
  if (!row) throw CaseErrors.templateNotFound();
  return row;
}

/** What a template's placeholders stand for on this case, in the template's language. */
export async function placeholderValues(manager: EntityManager, reportId: string, locale: string, timeZone: string): Promise<TemplateValues> {
  const [row] = await manager.query(
    `SELECT r.ref, r.title, coalesce(c.name ->> $2::text, c.name ->> 'es') AS category,
            coalesce(d.name ->> $2::text, d.name ->> 'es') AS department, a.name AS area, r.address
       FROM reports r JOIN categories c ON c.id = r.category_id
       LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN areas a ON a.id = r.area_id
      WHERE r.id = $1`,
    [reportId, locale],
  );
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date());
  return { ...row, date };
}

/**
 * The public text of a reply: the staff member's text, or the template's, with placeholders filled.
 * A placeholder that cannot be filled is refused rather than published with a hole in it.
 */
export async function replyText(
  manager: EntityManager,
  input: { body?: string; templateId?: string },
  reportId: string,
  categoryId: string,
  timeZone: string,
  field = 'body',
): Promise<{ text: string; templateId: string | null }> {
  const template = input.templateId ? await findTemplate(manager, input.templateId, categoryId) : null;
  const source = input.body ?? template?.body;
  if (!source) throw CaseErrors.field(field, 'required', `${field} or templateId is required`);
  const filled = fillTemplate(source, await placeholderValues(manager, reportId, template?.locale ?? 'es', timeZone));
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
