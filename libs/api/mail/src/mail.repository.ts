import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MailMessageView } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { OutgoingMail } from './mailer';

const VIEW_COLUMNS = `id, to_address AS "to", subject, text_body AS "text", html_body AS "html", created_at AS "createdAt"`;

/** The `mail_messages` table: messages kept instead of delivered when no SMTP server is configured. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(mail: OutgoingMail, manager: EntityManager = this.db.manager): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO mail_messages (to_address, subject, text_body, html_body, locale)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [mail.to, mail.subject, mail.text, mail.html ?? null, mail.locale],
    );
    return row!.id;
  }

  /** Newest first; `to` narrows to one recipient (exact, case-insensitive). */
  async list(options: { to?: string | null; limit: number }): Promise<MailMessageView[]> {
    const rows = await this.db.query<StoredMail[]>(
      `SELECT ${VIEW_COLUMNS} FROM mail_messages
        WHERE ($1::text IS NULL OR lower(to_address) = lower($1))
        ORDER BY created_at DESC, id
        LIMIT $2`,
      [options.to ?? null, options.limit],
    );
    return rows.map(toView);
  }

  async find(id: string): Promise<MailMessageView | null> {
    const rows = await this.db.query<StoredMail[]>(`SELECT ${VIEW_COLUMNS} FROM mail_messages WHERE id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }
}

/** A kept mail as the SELECT returns it. */
type StoredMail = MailMessageView & { createdAt: Date | string };

function toView(row: StoredMail): MailMessageView {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}
