import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { filedReport } from '@plaza/api/database';
import { PUBLIC_REPORT_STATUSES } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';

interface SupportRow {
  before: number | null;
  after: number | null;
  found: boolean;
}

/** Anonymous supports ("me too"): one row per report and browser token hash, and a counter on the report. */
@Injectable()
export class SupportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Adds a support unless this token already gave one, in a single statement (so it is atomic
   * without a transaction, which the embedded single-connection database appreciates). Only public
   * reports can be supported. Null when there is no such public report.
   */
  async add(ref: string, tokenHash: string): Promise<{ supports: number; counted: boolean } | null> {
    const [row] = await this.db.query<SupportRow[]>(
      `WITH target AS (
         SELECT id, support_count FROM reports WHERE ref = $1 AND status = ANY($3::text[]) AND ${filedReport('reports')}
       ), inserted AS (
         INSERT INTO report_supports (report_id, token_hash)
         SELECT id, $2 FROM target
         ON CONFLICT DO NOTHING
         RETURNING report_id
       ), bumped AS (
         UPDATE reports SET support_count = support_count + 1
          WHERE id IN (SELECT report_id FROM inserted)
         RETURNING support_count
       )
       SELECT (SELECT support_count FROM target) AS before, (SELECT support_count FROM bumped) AS after,
              EXISTS (SELECT 1 FROM target) AS found`,
      [ref, tokenHash, PUBLIC_REPORT_STATUSES],
    );
    if (!row?.found) return null;
    const counted = row.after !== null;
    return { supports: Number(counted ? row.after : row.before), counted };
  }
}
