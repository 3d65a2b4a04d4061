import { filedReport } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseStreamEvent } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { iso } from './case-sql';

/**
 * One change as the live stream sends it. `id` is the stream's cursor (a change number, as text)
 * that a reconnecting client sends back as Last-Event-ID; changes announced straight after a
 * console move have none (`''`), and the poll's later cursor covers them.
 */
export interface CaseChange extends CaseStreamEvent {
  id: string;
}

/**
 * A numbered change as read. Changes the console must not hear of (a report awaiting its
 * reporter's confirmation, or deleted since) are read too, without `change`, for their numbers.
 */
export interface NumberedChange {
  number: bigint;
  change: Omit<CaseChange, 'id'> | null;
}

interface CursorRow {
  cursor: string;
}

interface ChangeRow extends Omit<CaseChange, 'id'> {
  number: string;
  /** False for a report awaiting confirmation; null when the report is gone. */
  filed: boolean | null;
}

interface CountRow {
  purged: number;
}

/** A cursor is a change number: digits only. */
export const isChangeCursor = (value: string): boolean => /^\d{1,19}$/.test(value);

/** What the console's live stream reads: the log of report changes (`report_changes`), by number. */
@Injectable()
export class CaseChangesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Where a new stream starts: nothing numbered before is news. */
  async latest(): Promise<bigint> {
    const [row] = await this.db.query<CursorRow[]>(`SELECT COALESCE(max(seq), 0)::text AS cursor FROM report_changes`);
    return BigInt(row!.cursor);
  }

  /**
   * Changes numbered after `after`, in number order, each with the report as it is now (several
   * changes of one report read at once all show its latest state: the console refetches anyway).
   */
  async numberedAfter(after: bigint, limit: number): Promise<NumberedChange[]> {
    const rows = await this.db.query<ChangeRow[]>(
      `SELECT c.seq::text AS number, CASE WHEN reports.id IS NULL THEN NULL ELSE ${filedReport('reports')} END AS filed,
              reports.ref, reports.department_id AS "departmentId", reports.status, ${iso('reports.updated_at')} AS at,
              CASE WHEN reports.created_at = reports.updated_at OR reports.confirmed_by_reporter_at = reports.updated_at
                   THEN 'created' ELSE 'changed' END AS kind
         FROM report_changes c LEFT JOIN reports ON reports.id = c.report_id
        WHERE c.seq > $1::bigint ORDER BY c.seq LIMIT $2`,
      [after.toString(), limit],
    );
    return rows.map(({ number, filed, ...change }) => ({ number: BigInt(number), change: filed ? change : null }));
  }

  /** Forgets changes older than `olderThanHours`: no stream resumes from that far back. */
  async purge(olderThanHours: number): Promise<number> {
    const [row] = await this.db.query<CountRow[]>(
      `WITH gone AS (DELETE FROM report_changes WHERE changed_at < now() - make_interval(hours => $1) RETURNING 1)
       SELECT count(*)::int AS purged FROM gone`,
      [olderThanHours],
    );
    return row!.purged;
  }
}
