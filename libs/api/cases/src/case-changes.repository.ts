import { filedReport } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStreamEvent } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { iso } from './case-sql';

/** One change as the live stream sends it; `id` (the change time) lets a reconnecting client catch up. */
export interface CaseChange extends CaseStreamEvent {
  id: string;
}

interface NowRow {
  now: string;
}

/** What the console's live stream reads: cases changed after a point in time. */
@Injectable()
export class CaseChangesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The database's clock, in the same format as a change's id. */
  async now(): Promise<string> {
    const [row] = await this.db.query<NowRow[]>(`SELECT ${iso('now()')} AS now`);
    return row!.now;
  }

  changesAfter(since: string, limit: number): Promise<CaseChange[]> {
    return this.db.query<CaseChange[]>(
      `SELECT ${iso('updated_at')} AS id, ref, department_id AS "departmentId", status, ${iso('updated_at')} AS at,
              CASE WHEN created_at = updated_at OR confirmed_by_reporter_at = updated_at THEN 'created' ELSE 'changed' END AS kind
         FROM reports WHERE updated_at > $1::timestamptz AND ${filedReport('reports')} ORDER BY updated_at LIMIT $2`,
      [since, limit],
    );
  }
}
