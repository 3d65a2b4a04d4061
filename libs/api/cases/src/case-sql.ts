// SQL fragments shared by the case reads. `$1` is always the reader's locale.

export const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const OPEN_STATUSES_SQL = `('unconfirmed', 'confirmed', 'investigating', 'action_scheduled', 'in_progress')`;

/** One inbox row (CaseSummary) as JSON, built by PostgreSQL. */
export const SUMMARY_SQL = `
  json_build_object(
    'ref', r.ref,
    'title', r.title,
    'category', json_build_object('code', c.code, 'name', coalesce(c.name ->> $1::text, c.name ->> 'es')),
    'status', r.status,
    'moderation', CASE r.status WHEN 'unconfirmed' THEN 'awaiting' WHEN 'hidden' THEN 'hidden' ELSE 'published' END,
    'priority', r.priority,
    'area', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name) END,
    'department', CASE WHEN d.id IS NULL THEN NULL
                  ELSE json_build_object('id', d.id, 'code', d.code, 'name', coalesce(d.name ->> $1::text, d.name ->> 'es')) END,
    'address', r.address,
    'location', json_build_object('lat', round(ST_Y(r.location)::numeric, 6), 'lon', round(ST_X(r.location)::numeric, 6)),
    'source', r.source,
    'createdAt', ${iso('r.created_at')},
    'updatedAt', ${iso('r.updated_at')},
    'dueAt', ${iso('r.due_at')},
    'targetDays', c.target_days,
    'referredBack', r.referred_at IS NOT NULL,
    'pendingDrafts', (SELECT count(*)::int FROM reply_drafts rd WHERE rd.report_id = r.id AND rd.state = 'pending'),
    'photoCount', (SELECT count(*)::int FROM report_photos p WHERE p.report_id = r.id),
    'duplicateOf', (SELECT o.ref FROM reports o WHERE o.id = r.duplicate_of_id),
    -- Why screening held it, while it still waits for a moderator.
    'held', CASE WHEN r.status = 'unconfirmed' THEN r.screening_hold END
  )`;

export const CASE_FROM = `
  FROM reports r
  JOIN categories c ON c.id = r.category_id
  LEFT JOIN areas a ON a.id = r.area_id
  LEFT JOIN departments d ON d.id = r.department_id`;
