import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

interface SettingsRow {
  emailNotifications: boolean;
}

/** The account-wide switch for update emails (`users.email_notifications`). */
@Injectable()
export class NotificationSettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when there is no such account. */
  async emailNotifications(userId: string): Promise<boolean | null> {
    const [row] = await this.db.query<SettingsRow[]>(`SELECT email_notifications AS "emailNotifications" FROM users WHERE id = $1`, [userId]);
    return row?.emailNotifications ?? null;
  }

  async setEmailNotifications(userId: string, on: boolean): Promise<void> {
    await this.db.query<unknown[]>(`UPDATE users SET email_notifications = $2, updated_at = now() WHERE id = $1`, [userId, on]);
  }
}
