import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TemplateRow {
  id: string;
  locale: string;
  body: string;
  styleNotes: string;
}

/** What a reply template's placeholders can stand for on a case (all but the date). */
export interface PlaceholderRow {
  ref: string;
  title: string;
  category: string;
  department: string | null;
  area: string | null;
  address: string | null;
}

/** Reply templates as the case moves use them, and the case facts their placeholders stand for. */
@Injectable()
export class ReplyTemplatesRepository {
  /** An active template usable on this case: one for its category or for every category. */
  async usable(manager: EntityManager, templateId: string, categoryId: string): Promise<TemplateRow | null> {
    const [row] = await manager.query<TemplateRow[]>(
      `SELECT id, locale, body, style_notes AS "styleNotes" FROM response_templates
        WHERE id = $1 AND active AND (category_id IS NULL OR category_id = $2)`,
      [templateId, categoryId],
    );
    return row ?? null;
  }

  /** Null when there is no such report. */
  async placeholders(manager: EntityManager, reportId: string, locale: string): Promise<PlaceholderRow | null> {
    const [row] = await manager.query<PlaceholderRow[]>(
      `SELECT r.ref, r.title, coalesce(c.name ->> $2::text, c.name ->> 'es') AS category,
              coalesce(d.name ->> $2::text, d.name ->> 'es') AS department, a.name AS area, r.address
         FROM reports r JOIN categories c ON c.id = r.category_id
         LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN areas a ON a.id = r.area_id
        WHERE r.id = $1`,
      [reportId, locale],
    );
    return row ?? null;
  }
}
