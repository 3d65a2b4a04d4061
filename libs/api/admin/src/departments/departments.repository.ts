import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminDepartment, Locale, LocalizedText } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { setClause } from '../sql-update';
import type { DispatchColumns } from './dispatch-settings';

// The external API key is never selected: `open311ApiKeySet` only says whether there is one.
const COLUMNS = `id, code, name, contact_email AS "contactEmail", locale, active,
  json_build_object(
    'sendMethod', send_method, 'open311Endpoint', open311_endpoint, 'open311JurisdictionId', open311_jurisdiction_id,
    'open311ServiceCodes', open311_service_codes, 'open311SendReporter', open311_send_reporter,
    'open311ApiKeySet', open311_api_key IS NOT NULL) AS dispatch`;

@Injectable()
export class DepartmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(manager: EntityManager = this.db.manager): Promise<AdminDepartment[]> {
    return manager.query<AdminDepartment[]>(`SELECT ${COLUMNS} FROM departments ORDER BY code`);
  }

  async find(manager: EntityManager, id: string): Promise<AdminDepartment | null> {
    const rows = await manager.query<AdminDepartment[]>(`SELECT ${COLUMNS} FROM departments WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async insert(
    manager: EntityManager,
    row: { code: string; name: LocalizedText; contactEmail: string; locale: Locale; active: boolean },
  ): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO departments (code, name, contact_email, locale, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [row.code, JSON.stringify(row.name), row.contactEmail, row.locale, row.active],
    );
    return id;
  }

  async updateDispatch(manager: EntityManager, id: string, columns: DispatchColumns): Promise<void> {
    const set = setClause({ ...columns }, 2);
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE departments SET ${set.sql}, updated_at = now() WHERE id = $1`, [id, ...set.params]);
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: { name?: LocalizedText; contactEmail?: string; locale?: Locale; active?: boolean },
  ): Promise<void> {
    const set = setClause(
      {
        name: patch.name && JSON.stringify(patch.name),
        contact_email: patch.contactEmail,
        locale: patch.locale,
        active: patch.active,
      },
      2,
    );
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE departments SET ${set.sql}, updated_at = now() WHERE id = $1`, [
      id,
      ...set.params,
    ]);
  }

  /** What still sends work to a department: active categories defaulting to it, routing rules. */
  async usage(manager: EntityManager, id: string): Promise<{ categories: number; rules: number }> {
    const [row] = await manager.query<{ categories: number; rules: number }[]>(
      `SELECT (SELECT count(*)::int FROM categories WHERE default_department_id = $1 AND active) AS categories,
              (SELECT count(*)::int FROM routing_rules WHERE department_id = $1) AS rules`,
      [id],
    );
    return row;
  }

  async codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return (await manager.query<{ '?column?': number }[]>(`SELECT 1 FROM departments WHERE code = $1`, [code])).length > 0;
  }

  async isActive(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<{ '?column?': number }[]>(`SELECT 1 FROM departments WHERE id = $1 AND active`, [id]);
    return rows.length > 0;
  }
}
