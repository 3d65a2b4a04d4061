import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type ConsentForm = 'report' | 'signup' | 'alert' | 'proposal' | 'comment';
export type ConsentChannel = 'web' | 'on_behalf' | 'open311';

export interface ConsentInsert {
  form: ConsentForm;
  channel: ConsentChannel;
  noticeLocale: string;
  noticeVersion: string;
  userId: string | null;
  reportId: string | null;
  alertId: string | null;
}

export interface ConsentRow {
  at: Date;
  form: ConsentForm;
  channel: ConsentChannel;
  noticeLocale: string;
  noticeVersion: string;
  reportRef: string | null;
}

const COLUMNS = `c.at, c.form, c.channel, c.notice_locale AS "noticeLocale", c.notice_version AS "noticeVersion", r.ref AS "reportRef"`;

/** consent_records: written in the transaction of the form that collected the data. */
@Injectable()
export class ConsentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(manager: EntityManager, row: ConsentInsert): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO consent_records (form, channel, notice_locale, notice_version, user_id, report_id, alert_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.form, row.channel, row.noticeLocale, row.noticeVersion, row.userId, row.reportId, row.alertId],
    );
  }

  /** Every consent a person gave: as an account, or through a report or alert of theirs. */
  forPerson(userId: string | null, reportIds: string[], alertIds: string[], manager: EntityManager = this.db.manager): Promise<ConsentRow[]> {
    return manager.query<ConsentRow[]>(
      `SELECT ${COLUMNS} FROM consent_records c LEFT JOIN reports r ON r.id = c.report_id
        WHERE ($1::uuid IS NOT NULL AND c.user_id = $1) OR c.report_id = ANY($2::bigint[]) OR c.alert_id = ANY($3::uuid[])
        ORDER BY c.at, c.id`,
      [userId, reportIds, alertIds],
    );
  }

  /** Erasure: the records stay as proof the notice was given, no longer tied to anyone. */
  async unlinkUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE consent_records SET user_id = NULL WHERE user_id = $1`, [userId]);
  }
}
