import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  pickText,
  type DepartmentRef,
  type LocalizedText,
  type Locale,
  type StaffDepartmentView,
} from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';

interface StaffDepartmentRow {
  id: string;
  code: string;
  name: LocalizedText;
  contactEmail: string;
  categories: Array<{ code: string; name: LocalizedText; targetDays: number }>;
}

@Injectable()
export class StaffDirectoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Active departments, limited to `scope` unless it is null (every department). */
  async departments(scope: string[] | null, locale: Locale): Promise<DepartmentRef[]> {
    const rows: Array<{ id: string; code: string; name: LocalizedText }> = await this.db.query<Array<{ id: string; code: string; name: LocalizedText }>>(
      `SELECT id, code, name FROM departments WHERE active AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) ORDER BY code`,
      [scope],
    );
    return rows.map((row) => ({ id: row.id, code: row.code, name: pickText(row.name, locale) }));
  }

  async department(id: string, locale: Locale): Promise<StaffDepartmentView | null> {
    const [row] = await this.db.query<StaffDepartmentRow[]>(
      `SELECT d.id, d.code, d.name, d.contact_email AS "contactEmail",
              coalesce((SELECT json_agg(json_build_object('code', c.code, 'name', c.name, 'targetDays', c.target_days)
                                        ORDER BY c.sort_order, c.code)
                          FROM categories c WHERE c.default_department_id = d.id AND c.active), '[]'::json) AS categories
         FROM departments d WHERE d.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      code: row.code,
      name: pickText(row.name, locale),
      contactEmail: row.contactEmail,
      categories: (row.categories as Array<{ code: string; name: LocalizedText; targetDays: number }>).map(
        (c) => ({
          code: c.code,
          name: pickText(c.name, locale),
          targetDays: c.targetDays,
        }),
      ),
    };
  }
}
