import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@plaza/shared/contracts';

/** An anonymous report accepted past its address's cap, waiting for the digest. */
export interface HeldReportRow {
  id: string;
  ref: string;
  title: string;
}

interface ReporterRow {
  email: string;
  name: string;
  locale: Locale;
}

/**
 * The cap on pending confirmation mails per address (docs/notifications.md#confirmation-cap): the
 * reports accepted past it and their re-armed links. Counting against the cap happens in the
 * filing statement itself (`plaza_confirmations_mailed()`, ReportFilingRepository).
 */
@Injectable()
export class PendingConfirmationsRepository {
  /** Who filed a report, for the digest sent when they confirm it. */
  async reporterOf(manager: EntityManager, id: string): Promise<ReporterRow | null> {
    const [row] = await manager.query<ReporterRow[]>(
      `SELECT reporter_email AS email, reporter_name AS name, reporter_locale AS locale FROM reports WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The address's held reports still alive, oldest first, locked for re-arming. */
  async lockHeld(manager: EntityManager, email: string, limit: number): Promise<HeldReportRow[]> {
    return manager.query<HeldReportRow[]>(
      `SELECT id::text AS id, ref, title FROM reports
        WHERE reporter_email = $1 AND confirmation_pending_since IS NOT NULL AND NOT confirmation_mailed
          AND confirmation_expires_at > now()
        ORDER BY reports.id LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [email, limit],
    );
  }

  /** A fresh link (the first was never mailed), valid for a full period from now. */
  async rearm(manager: EntityManager, id: string, tokenHash: string, ttlHours: number): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE reports SET confirmation_token_hash = $2, confirmation_mailed = true,
              confirmation_expires_at = now() + make_interval(hours => $3::int)
        WHERE id = $1`,
      [id, tokenHash, ttlHours],
    );
  }
}
