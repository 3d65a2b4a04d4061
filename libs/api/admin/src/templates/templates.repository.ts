import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ResponseTemplate } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { setClause } from '../sql-update';

const SELECT = `
  SELECT t.id, t.group_id AS "groupId", t.title, t.locale, c.code AS "categoryCode", t.status, t.body, t.style_notes AS "styleNotes", t.active
    FROM response_templates t LEFT JOIN categories c ON c.id = t.category_id`;

export interface TemplateFilter {
  /** Templates for this category, and those for every category. */
  categoryCode: string | null;
  locale: string | null;
  /** Templates for this status, and those for any status. */
  status: string | null;
  activeOnly: boolean;
}

export interface TemplateFields {
  title?: string;
  locale?: string;
  categoryId?: string | null;
  status?: string | null;
  body?: string;
  styleNotes?: string;
  active?: boolean;
}

@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(filter: TemplateFilter): Promise<ResponseTemplate[]> {
    return this.db.query<ResponseTemplate[]>(
      `${SELECT}
        WHERE ($1::text IS NULL OR c.code = $1 OR t.category_id IS NULL)
          AND ($2::text IS NULL OR t.locale = $2)
          AND ($3::text IS NULL OR t.status = $3 OR t.status IS NULL)
          AND (NOT $4::boolean OR t.active)
        ORDER BY t.locale, c.code NULLS FIRST, t.status NULLS FIRST, t.title`,
      [filter.categoryCode, filter.locale, filter.status, filter.activeOnly],
    );
  }

  async find(manager: EntityManager, id: string): Promise<ResponseTemplate | null> {
    const rows = await manager.query<ResponseTemplate[]>(`${SELECT} WHERE t.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, row: Required<TemplateFields>): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO response_templates (title, locale, category_id, status, body, style_notes, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [row.title, row.locale, row.categoryId, row.status, row.body, row.styleNotes, row.active],
    );
    return id;
  }

  async update(manager: EntityManager, id: string, fields: TemplateFields): Promise<void> {
    const set = setClause(
      {
        title: fields.title,
        locale: fields.locale,
        category_id: fields.categoryId,
        status: fields.status,
        body: fields.body,
        style_notes: fields.styleNotes,
        active: fields.active,
      },
      2,
    );
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE response_templates SET ${set.sql}, updated_at = now() WHERE id = $1`, [
      id,
      ...set.params,
    ]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM response_templates WHERE id = $1`, [id]);
  }

  /** Every language row of one template (or of all templates), grouped together. */
  groupRows(manager: EntityManager, groupId: string | null): Promise<ResponseTemplate[]> {
    return manager.query<ResponseTemplate[]>(
      `${SELECT} WHERE ($1::uuid IS NULL OR t.group_id = $1)
        ORDER BY c.code NULLS FIRST, t.status NULLS FIRST, t.group_id,
                 array_position(ARRAY['es', 'en', 'ca', 'eu', 'gl'], t.locale)`,
      [groupId],
    );
  }

  /** Writes one language of a template: a new row, or the text of the row it already has. */
  async upsertText(
    manager: EntityManager,
    groupId: string,
    locale: string,
    text: { title: string; body: string; styleNotes: string },
    shared: { categoryId: string | null; status: string | null; active: boolean },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO response_templates (group_id, locale, title, body, style_notes, category_id, status, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (group_id, locale) DO UPDATE
         SET title = excluded.title, body = excluded.body, style_notes = excluded.style_notes, updated_at = now()`,
      [groupId, locale, text.title, text.body, text.styleNotes, shared.categoryId, shared.status, shared.active],
    );
  }

  /** What every language of a template shares: its category, status and whether it is offered. */
  async updateGroup(
    manager: EntityManager,
    groupId: string,
    fields: { categoryId?: string | null; status?: string | null; active?: boolean },
  ): Promise<void> {
    const set = setClause({ category_id: fields.categoryId, status: fields.status, active: fields.active }, 2);
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE response_templates SET ${set.sql}, updated_at = now() WHERE group_id = $1`, [
      groupId,
      ...set.params,
    ]);
  }

  async deleteGroup(manager: EntityManager, groupId: string): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM response_templates WHERE group_id = $1`, [groupId]);
  }

  async categoryId(manager: EntityManager, code: string): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM categories WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }
}
