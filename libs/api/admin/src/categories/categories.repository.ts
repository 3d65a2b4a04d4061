import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminCategory, LocalizedText } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { setClause } from '../sql-update';

const COLUMNS = `code, name, description, group_name AS "group", icon, default_department_id AS "defaultDepartmentId",
  requires_moderation AS "requiresModeration", target_days AS "targetDays", active`;

export interface CategoryFields {
  name?: LocalizedText;
  description?: LocalizedText;
  group?: LocalizedText | null;
  icon?: string;
  defaultDepartmentId?: string;
  requiresModeration?: boolean;
  targetDays?: number;
  active?: boolean;
}

@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<AdminCategory[]> {
    return this.db.query<AdminCategory[]>(`SELECT ${COLUMNS} FROM categories ORDER BY sort_order, code`);
  }

  async find(manager: EntityManager, code: string): Promise<AdminCategory | null> {
    const rows = await manager.query<AdminCategory[]>(`SELECT ${COLUMNS} FROM categories WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async idOf(manager: EntityManager, code: string): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM categories WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  /** New categories go to the end of the public list. */
  async insert(manager: EntityManager, code: string, fields: Required<CategoryFields>): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO categories (code, name, description, group_name, icon, default_department_id,
                               requires_moderation, target_days, active, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT coalesce(max(sort_order), -1) + 1 FROM categories))`,
      [
        code,
        JSON.stringify(fields.name),
        JSON.stringify(fields.description),
        fields.group === null ? null : JSON.stringify(fields.group),
        fields.icon,
        fields.defaultDepartmentId,
        fields.requiresModeration,
        fields.targetDays,
        fields.active,
      ],
    );
  }

  async update(manager: EntityManager, code: string, fields: CategoryFields): Promise<void> {
    const json = (value: LocalizedText | null | undefined): string | null | undefined =>
      value === undefined ? undefined : value === null ? null : JSON.stringify(value);
    const set = setClause(
      {
        name: json(fields.name),
        description: json(fields.description),
        group_name: json(fields.group),
        icon: fields.icon,
        default_department_id: fields.defaultDepartmentId,
        requires_moderation: fields.requiresModeration,
        target_days: fields.targetDays,
        active: fields.active,
      },
      2,
    );
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE categories SET ${set.sql}, updated_at = now() WHERE code = $1`, [
      code,
      ...set.params,
    ]);
  }
}
