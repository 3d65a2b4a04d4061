import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** Answers to a service's extra questions, as sent by `attribute[code]=value` (a list for multivaluelist). */
export type Open311Attributes = Record<string, string | string[]>;

/** What an Open311 request carries besides the report: kept with the case for staff, never published. */
export interface Open311SubmissionExtras {
  mediaUrl: string | null;
  deviceId: string | null;
  accountId: string | null;
  attributes: Open311Attributes;
}

/** A stored submission as the console's case view shows it. */
export interface Open311SubmissionRow extends Open311SubmissionExtras {
  clientName: string;
}

/**
 * The one place that writes and reads `open311_submissions`: the Open311 server writes a row with
 * each accepted POST, the case view reads it for staff. A data-access library of its own so the
 * console's cases library can read it without depending on the Open311 feature.
 */
@Injectable()
export class Open311SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    manager: EntityManager,
    row: { reportId: string; clientId: string; token: string } & Open311SubmissionExtras,
  ): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO open311_submissions (report_id, client_id, token, media_url, device_id, account_id, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [row.reportId, row.clientId, row.token, row.mediaUrl, row.deviceId, row.accountId, JSON.stringify(row.attributes)],
    );
  }

  /** The submission behind a report, or null for a report that did not come over Open311. */
  async forReport(reportId: string): Promise<Open311SubmissionRow | null> {
    const rows = await this.db.query<Open311SubmissionRow[]>(
      `SELECT c.name AS "clientName", s.media_url AS "mediaUrl", s.device_id AS "deviceId",
              s.account_id AS "accountId", s.attributes
         FROM open311_submissions s JOIN api_clients c ON c.id = s.client_id
        WHERE s.report_id = $1`,
      [reportId],
    );
    return rows[0] ?? null;
  }
}
