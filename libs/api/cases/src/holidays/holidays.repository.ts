import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Holiday, HolidayScope } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

const HOLIDAY_SELECT = `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, name, scope FROM holidays`;

@Injectable()
export class HolidaysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(filter: { from?: string | null; to?: string | null; scope?: HolidayScope | null }): Promise<Holiday[]> {
    return this.db.query<Holiday[]>(
      `${HOLIDAY_SELECT}
        WHERE ($1::date IS NULL OR date >= $1::date) AND ($2::date IS NULL OR date <= $2::date)
          AND ($3::text IS NULL OR scope = $3)
        ORDER BY date, scope`,
      [filter.from ?? null, filter.to ?? null, filter.scope ?? null],
    );
  }

  /** Holiday dates around today, enough for any clock the console shows. */
  async datesAround(): Promise<Set<string>> {
    const rows = await this.db.query<{ date: string }[]>(
      `SELECT DISTINCT to_char(date, 'YYYY-MM-DD') AS date FROM holidays
        WHERE date BETWEEN current_date - 730 AND current_date + 730`,
    );
    return new Set(rows.map((r) => r.date));
  }

  async find(manager: EntityManager, id: string): Promise<Holiday | null> {
    const [row] = await manager.query<Holiday[]>(`${HOLIDAY_SELECT} WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Null when that date already has a holiday of that scope. */
  async insert(manager: EntityManager, input: { date: string; name: string; scope: HolidayScope }): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO holidays (date, name, scope) VALUES ($1, $2, $3)
       ON CONFLICT (date, scope) DO NOTHING RETURNING id`,
      [input.date, input.name, input.scope],
    );
    return rows[0]?.id ?? null;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM holidays WHERE id = $1`, [id]);
  }

  /** The calendar changed: open cases get their due dates again (closed ones keep their history). */
  async recomputeOpenDueDates(manager: EntityManager): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE reports r SET due_at = plaza_business_due(r.created_at, c.target_days)
         FROM categories c
        WHERE c.id = r.category_id
          AND r.status IN ('unconfirmed', 'confirmed', 'investigating', 'action_scheduled', 'in_progress')`,
    );
  }
}
