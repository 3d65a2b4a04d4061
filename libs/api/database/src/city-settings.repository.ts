import type { EntityManager } from 'typeorm';

interface ChangedRow {
  time_zone: string;
}

const OPEN_STATUSES = ['unconfirmed', 'confirmed', 'investigating', 'action_scheduled', 'in_progress'];

/**
 * Writes the configured city time zone (CITY_TIME_ZONE) where the database's due-date triggers read
 * it. When it changed, open cases get their due dates again in the new zone (closed ones keep theirs)
 * and the public statistics are rebuilt in it. Answers whether it changed.
 */
export async function syncCityTimeZone(manager: EntityManager, timeZone: string): Promise<boolean> {
  const changed = await manager.query<ChangedRow[]>(
    // Through a CTE: the driver answers an UPDATE with [rows, count] but a SELECT with its rows.
    `WITH changed AS (UPDATE city_settings SET time_zone = $1 WHERE time_zone IS DISTINCT FROM $1 RETURNING time_zone)
     SELECT time_zone FROM changed`,
    [timeZone],
  );
  if (changed.length === 0) return false;
  await manager.query<unknown[]>(
    `UPDATE reports r SET due_at = plaza_business_due(r.created_at, c.target_days, $1)
       FROM categories c
      WHERE c.id = r.category_id AND r.status = ANY($2::text[])`,
    [timeZone, OPEN_STATUSES],
  );
  // Public statistics count days and business days in the city's zone too.
  await manager.query<unknown[]>(`SELECT plaza_stats_rebuild()`);
  return true;
}
