import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A photo the worker leased: where its original is and where its derivatives go. */
export interface PhotoJob {
  id: string;
  /** Null only for a row someone wrote by hand as pending: it fails as `original_missing`. */
  originalKey: string | null;
  storageKey: string;
  thumbnailKey: string;
  /** Including this one: the attempt is counted when it starts, so a crashed worker used one. */
  attempts: number;
}

/** A photo as the upload records it, before any processing. */
export interface NewPendingPhoto {
  id: string;
  originalKey: string;
  storageKey: string;
  thumbnailKey: string;
  bytes: number;
}

export interface PhotoBacklog {
  pending: number;
  oldestAgeSeconds: number;
}

/** `manager.query` returns `[rows, count]` for UPDATE … RETURNING on some drivers, rows on others. */
function unwrapRows<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

/**
 * The photo processing queue: each `report_photos` row in state `pending` is a job. The claim is
 * the outbox's (row locks with SKIP LOCKED plus a lease, so replicas never take the same photo, and
 * a lease that runs out — its worker died — makes the photo claimable again); every outcome is
 * fenced by the lease id, so a worker that lost its lease cannot overwrite a newer one.
 */
@Injectable()
export class PhotoQueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records a report's photos as jobs, in the report's own transaction: both commit, or neither. */
  async enqueue(manager: EntityManager, reportId: string, photos: NewPendingPhoto[]): Promise<void> {
    for (const [position, photo] of photos.entries()) {
      await manager.query<unknown[]>(
        `INSERT INTO report_photos (id, report_id, position, storage_key, thumbnail_key, original_key, width, height, bytes, state, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, 'pending', now())`,
        [photo.id, reportId, position, photo.storageKey, photo.thumbnailKey, photo.originalKey, photo.bytes],
      );
    }
  }

  /** Up to `limit` due photos, oldest first, leased to `leaseId` until `lockedUntil`. */
  claim(now: Date, lockedUntil: Date, leaseId: string, limit: number): Promise<PhotoJob[]> {
    if (limit <= 0) return Promise.resolve([]);
    return this.db.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT id FROM report_photos
          WHERE state = 'pending' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [now, limit],
      );
      if (rows.length === 0) return [];
      const claimed = await manager.query<PhotoJob[] | [PhotoJob[], number]>(
        `UPDATE report_photos SET locked_until = $2, lease_id = $3, attempts = attempts + 1
          WHERE id = ANY($1::uuid[])
          RETURNING id, original_key AS "originalKey", storage_key AS "storageKey", thumbnail_key AS "thumbnailKey", attempts`,
        [rows.map((row) => row.id), lockedUntil, leaseId],
      );
      return unwrapRows(claimed);
    });
  }

  /** Processed: public from now on (unless hidden). False when the lease was lost or the photo deleted. */
  async markReady(id: string, leaseId: string, result: { width: number; height: number; bytes: number }): Promise<boolean> {
    const rows = await this.db.query<Array<{ id: string }> | [Array<{ id: string }>, number]>(
      `UPDATE report_photos
          SET state = 'ready', width = $3, height = $4, bytes = $5, original_key = NULL, failure_reason = NULL,
              locked_until = NULL, lease_id = NULL, next_attempt_at = NULL, processed_at = now()
        WHERE id = $1 AND lease_id = $2 AND state = 'pending'
        RETURNING id`,
      [id, leaseId, result.width, result.height, result.bytes],
    );
    return unwrapRows(rows).length === 1;
  }

  /** Given up on: never public; the reason is shown to staff beside the report. */
  async markFailed(id: string, leaseId: string, reason: string): Promise<boolean> {
    const rows = await this.db.query<Array<{ id: string }> | [Array<{ id: string }>, number]>(
      `UPDATE report_photos
          SET state = 'failed', failure_reason = $3, original_key = NULL, locked_until = NULL, lease_id = NULL,
              next_attempt_at = NULL, processed_at = now()
        WHERE id = $1 AND lease_id = $2 AND state = 'pending'
        RETURNING id`,
      [id, leaseId, reason],
    );
    return unwrapRows(rows).length === 1;
  }

  /** Failed this time (storage down…): free again at `nextAttemptAt`, the error kept for staff. */
  async retryLater(id: string, leaseId: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db.query<unknown[]>(
      `UPDATE report_photos SET next_attempt_at = $3, failure_reason = $4, locked_until = NULL, lease_id = NULL
        WHERE id = $1 AND lease_id = $2 AND state = 'pending'`,
      [id, leaseId, nextAttemptAt, error],
    );
  }

  /**
   * Whether at least `max` photos wait: the upload's backlog check. Counting stops at `max`, so
   * a huge backlog costs no more than a small one.
   */
  async pendingAtLeast(max: number): Promise<boolean> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM report_photos WHERE state = 'pending' LIMIT $1) waiting`,
      [max],
    );
    return (row?.n ?? 0) >= max;
  }

  /** For the metrics endpoint: photos waiting, and how long the oldest has (a stuck worker shows as a growing age). */
  async backlog(): Promise<PhotoBacklog> {
    const [row] = await this.db.query<Array<{ pending: number; oldest: number }>>(
      `SELECT count(*)::int AS pending, COALESCE(extract(epoch FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM report_photos WHERE state = 'pending'`,
    );
    return { pending: row?.pending ?? 0, oldestAgeSeconds: row?.oldest ?? 0 };
  }
}
