import { filedReport } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CaseQueue,
  CaseQueueCounts,
  CaseTimelineEntry,
  DraftReply,
  InternalNote,
  Locale,
  NearbyReportView,
  PhotoState,
  ReporterContact,
} from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CASE_FROM, iso, OPEN_STATUSES_SQL, SUMMARY_SQL } from './case-sql';
import type { InboxFilter } from './dto/inbox.query';

export interface CaseKeysRow {
  id: string;
  departmentId: string | null;
  categoryId: string;
}

/** An inbox row: its summary and its sort key (the next page's cursor when it is the last). */
export interface InboxPageRow {
  summary: SummaryRow;
  key: string[];
}

/** A summary as SQL builds it, before the clock is computed. */
export interface SummaryRow {
  ref: string;
  status: string;
  dueAt: string | null;
  targetDays: number;
  [key: string]: unknown;
}

export interface CaseCore {
  id: string;
  summary: SummaryRow;
  description: string;
  reporter: ReporterContact;
  channelDetails: string | null;
  departmentId: string | null;
  departmentTrusted: boolean;
  categoryId: string;
  categoryCode: string;
  areaId: string | null;
  lon: number;
  lat: number;
  referral: { reason: string; at: string; by: { id: string; name: string }; department: unknown } | null;
}

export interface CasePhotoRow {
  id: string;
  storageKey: string;
  thumbnailKey: string;
  hidden: boolean;
  state: PhotoState;
  failureReason: string | null;
}

export interface RoutingRow {
  department: { id: string; code: string; name: string } | null;
  basis: 'area_rule' | 'category_default';
}

export interface DuplicatesRow {
  duplicates: string[];
  followers: number;
}

const QUEUE_SQL: Record<CaseQueue, string> = {
  moderation: `r.status = 'unconfirmed'`,
  unassigned: `r.department_id IS NULL AND r.status NOT IN ('hidden', 'duplicate')`,
  overdue: `r.status IN ${OPEN_STATUSES_SQL} AND r.due_at < now()`,
  referred: `r.referred_at IS NOT NULL`,
  drafts: `EXISTS (SELECT 1 FROM reply_drafts rd WHERE rd.report_id = r.id AND rd.state = 'pending')`,
  all: `true`,
};

/**
 * Each sort as a key of columns that never tie (the id last) and never hold NULL (no due date sorts
 * as 'infinity', i.e. last), so the keyset condition is one row comparison: `(key) > (cursor)` for
 * ascending sorts, `<` for descending ones. `cast` is how a cursor value is read back.
 */
interface SortKey {
  columns: { sql: string; cast: 'timestamptz' | 'bigint' | 'int' }[];
  descending: boolean;
}
const DUE_KEY = { sql: `coalesce(r.due_at, 'infinity'::timestamptz)`, cast: 'timestamptz' } as const;
const ID_KEY = { sql: 'r.id', cast: 'bigint' } as const;
const SORT_KEYS: Record<InboxFilter['sort'], SortKey> = {
  newest: { columns: [{ sql: 'r.created_at', cast: 'timestamptz' }, ID_KEY], descending: true },
  oldest: { columns: [{ sql: 'r.created_at', cast: 'timestamptz' }, ID_KEY], descending: false },
  due: { columns: [DUE_KEY, ID_KEY], descending: false },
  priority: {
    columns: [{ sql: `array_position(ARRAY['urgent', 'high', 'normal', 'low'], r.priority)`, cast: 'int' }, DUE_KEY, ID_KEY],
    descending: false,
  },
  updated: { columns: [{ sql: 'r.updated_at', cast: 'timestamptz' }, ID_KEY], descending: true },
};

const AGE_SQL: Record<NonNullable<InboxFilter['age']>, string> = {
  '1d': `r.created_at >= now() - interval '1 day'`,
  '7d': `r.created_at >= now() - interval '7 days'`,
  '30d': `r.created_at >= now() - interval '30 days'`,
  older: `r.created_at < now() - interval '30 days'`,
};

const SEARCH_VECTOR = `to_tsvector('spanish', r.title || ' ' || r.description || ' ' || coalesce(r.address, ''))`;

/** Every read of the console's cases. Department scope is applied here, in SQL, on every query. */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A case's internal id, department and category by its ref. */
  async keys(ref: string): Promise<CaseKeysRow | null> {
    const [row] = await this.db.query<CaseKeysRow[]>(
      `SELECT id::text AS id, department_id AS "departmentId", category_id AS "categoryId" FROM reports WHERE ref = $1 AND ${filedReport('reports')}`,
      [ref],
    );
    return row ?? null;
  }

  /** One page of the inbox (keyset paging) with each row's sort key, for the next page's cursor. */
  async inbox(filter: InboxFilter, scope: string[] | null, locale: Locale): Promise<InboxPageRow[]> {
    const params: unknown[] = [locale];
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [scopeClause(scope, params), QUEUE_SQL[filter.queue], ...filterClauses(filter, add)];
    const key = SORT_KEYS[filter.sort];
    if (filter.after) {
      const after = filter.after.key;
      if (after.length !== key.columns.length) throw new RangeError('cursor key does not fit the sort');
      const values = key.columns.map((column, i) => `${add(after[i])}::${column.cast}`);
      where.push(`(${key.columns.map((c) => c.sql).join(', ')}) ${key.descending ? '<' : '>'} (${values.join(', ')})`);
    }
    const direction = key.descending ? 'DESC' : 'ASC';
    return this.db.query<InboxPageRow[]>(
      `SELECT ${SUMMARY_SQL} AS summary, json_build_array(${key.columns.map((c) => `(${c.sql})::text`).join(', ')}) AS key
         ${CASE_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY ${key.columns.map((c) => `${c.sql} ${direction}`).join(', ')}
        LIMIT ${add(filter.limit)}`,
      params,
    );
  }

  /**
   * Counts per queue within the caller's department scope and the inbox's filters (category, area,
   * department, status, age, search), so a queue's count is what opening it would list.
   */
  async counts(scope: string[] | null, filter?: InboxFilter): Promise<CaseQueueCounts> {
    const params: unknown[] = [];
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [scopeClause(scope, params), ...(filter ? filterClauses(filter, add) : [])];
    const columns = Object.entries(QUEUE_SQL)
      .map(([queue, sql]) => `count(*) FILTER (WHERE ${sql})::int AS "${queue}"`)
      .join(', ');
    const [row] = await this.db.query<CaseQueueCounts[]>(
      `SELECT ${columns} FROM reports r
         JOIN categories c ON c.id = r.category_id
         LEFT JOIN areas a ON a.id = r.area_id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return row!;
  }

  async findCore(ref: string, locale: Locale, manager: EntityManager = this.db.manager): Promise<CaseCore | null> {
    const rows = await manager.query<CaseCore[]>(
      `SELECT r.id::text AS id, ${SUMMARY_SQL} AS summary, r.description,
              json_build_object('name', r.reporter_name, 'email', nullif(r.reporter_email, ''),
                                'phone', r.reporter_phone, 'showName', r.reporter_show_name,
                                'locale', coalesce((SELECT u.locale FROM users u WHERE u.id = r.reporter_user_id), r.reporter_locale, 'es')) AS reporter,
              r.channel_details AS "channelDetails", r.department_id AS "departmentId",
              coalesce(d.trusted_to_publish, false) AS "departmentTrusted",
              r.category_id AS "categoryId", c.code AS "categoryCode", r.area_id AS "areaId",
              ST_X(r.location) AS lon, ST_Y(r.location) AS lat,
              CASE WHEN r.referred_at IS NULL THEN NULL ELSE json_build_object(
                'reason', r.referral_reason, 'at', ${iso('r.referred_at')},
                'by', (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = r.referred_by),
                'department', (SELECT json_build_object('id', rd.id, 'code', rd.code,
                                        'name', coalesce(rd.name ->> $1::text, rd.name ->> 'es'))
                                 FROM departments rd WHERE rd.id = r.referred_department_id)) END AS referral
         ${CASE_FROM}
        WHERE r.ref = $2 AND ${filedReport('r')}`,
      [locale, ref],
    );
    return rows[0] ?? null;
  }

  photos(reportId: string): Promise<CasePhotoRow[]> {
    return this.db.query<CasePhotoRow[]>(
      `SELECT id, storage_key AS "storageKey", thumbnail_key AS "thumbnailKey", hidden, state,
              CASE WHEN state = 'failed' THEN failure_reason END AS "failureReason"
         FROM report_photos WHERE report_id = $1 ORDER BY position`,
      [reportId],
    );
  }

  timeline(reportId: string, locale: Locale): Promise<CaseTimelineEntry[]> {
    return this.db.query<CaseTimelineEntry[]>(
      `SELECT e.id::text AS id, ${iso('e.at')} AS at, e.from_status AS "from", e.to_status AS "to", e.message,
              e.is_public AS "isPublic", e.actor_kind AS "actorKind",
              CASE WHEN w.id IS NULL THEN NULL ELSE json_build_object('id', w.id, 'name', w.name) END AS "writtenBy",
              CASE WHEN ap.id IS NULL THEN NULL ELSE json_build_object('id', ap.id, 'name', ap.name) END AS "approvedBy",
              CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'code', d.code,
                'name', coalesce(d.name ->> $2::text, d.name ->> 'es')) END AS department
         FROM report_events e
         LEFT JOIN users w ON w.id = e.actor_id AND e.actor_kind = 'staff'
         LEFT JOIN users ap ON ap.id = e.approved_by
         LEFT JOIN departments d ON d.id = e.department_id
        WHERE e.report_id = $1
        ORDER BY e.at, e.id`,
      [reportId, locale],
    );
  }

  notes(reportId: string, includeManagerOnly: boolean): Promise<InternalNote[]> {
    return this.db.query<InternalNote[]>(
      `SELECT n.id, ${iso('n.created_at')} AS at, json_build_object('id', u.id, 'name', u.name) AS author,
              n.body, n.visibility
         FROM internal_notes n JOIN users u ON u.id = n.author_id
        WHERE n.report_id = $1 AND ($2 OR n.visibility = 'departments')
        ORDER BY n.created_at, n.id`,
      [reportId, includeManagerOnly],
    );
  }

  drafts(reportId: string, locale: Locale): Promise<DraftReply[]> {
    return this.db.query<DraftReply[]>(
      `SELECT rd.id, rd.state, rd.body, rd.proposed_status AS "proposedStatus", rd.template_id AS "templateId",
              json_build_object('id', au.id, 'name', au.name) AS author,
              CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('id', d.id, 'code', d.code,
                'name', coalesce(d.name ->> $2::text, d.name ->> 'es')) END AS department,
              ${iso('rd.created_at')} AS "createdAt",
              CASE WHEN du.id IS NULL THEN NULL ELSE json_build_object('id', du.id, 'name', du.name) END AS "decidedBy",
              ${iso('rd.decided_at')} AS "decidedAt", rd.rejection_reason AS "rejectionReason"
         FROM reply_drafts rd
         JOIN users au ON au.id = rd.author_id
         LEFT JOIN users du ON du.id = rd.decided_by
         LEFT JOIN departments d ON d.id = rd.department_id
        WHERE rd.report_id = $1
        ORDER BY rd.created_at, rd.id`,
      [reportId, locale],
    );
  }

  /** Other reports of the same category close by, any status but hidden: likely duplicates. */
  similarNearby(reportId: string, lon: number, lat: number, categoryId: string): Promise<NearbyReportView[]> {
    return this.db.query<NearbyReportView[]>(
      `SELECT r.ref, r.title, c.code AS category, r.status,
              round(ST_Distance(r.location::geography, p.g))::int AS "distanceMeters", r.support_count AS supports,
              ${iso('r.created_at')} AS "createdAt"
         FROM reports r JOIN categories c ON c.id = r.category_id,
              (SELECT ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography AS g) p
        WHERE r.id <> $1 AND r.category_id = $4 AND r.status <> 'hidden' AND ${filedReport('r')}
          AND ST_DWithin(r.location::geography, p.g, 250)
        ORDER BY r.location::geography <-> p.g
        LIMIT 8`,
      [reportId, lon, lat, categoryId],
    );
  }

  /** What the routing rules would choose for this area and category. */
  async routing(
    areaId: string | null,
    categoryId: string,
    locale: Locale,
  ): Promise<RoutingRow> {
    const [row] = await this.db.query<RoutingRow[]>(
      `SELECT json_build_object('id', d.id, 'code', d.code, 'name', coalesce(d.name ->> $3::text, d.name ->> 'es')) AS department,
              CASE WHEN rr.id IS NULL THEN 'category_default' ELSE 'area_rule' END AS basis
         FROM categories c
         LEFT JOIN routing_rules rr ON rr.category_id = c.id AND rr.area_id = $1
         JOIN departments d ON d.id = coalesce(rr.department_id, c.default_department_id)
        WHERE c.id = $2`,
      [areaId, categoryId, locale],
    );
    return row ?? { department: null, basis: 'category_default' };
  }

  async duplicatesAndFollowers(reportId: string): Promise<DuplicatesRow> {
    const [row] = await this.db.query<DuplicatesRow[]>(
      `SELECT coalesce((SELECT array_agg(ref ORDER BY id) FROM reports WHERE duplicate_of_id = $1), '{}') AS duplicates,
              (SELECT count(*)::int FROM follows WHERE target_type = 'report' AND target_id = $1) AS followers`,
      [reportId],
    );
    return row!;
  }
}

// Every inbox read goes through here: a report still awaiting its reporter's email is no case yet.
/** The inbox's filters besides the queue, as SQL conditions over `r`, `c` (category) and `a` (area). */
function filterClauses(filter: InboxFilter, add: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filter.category) where.push(`c.code = ${add(filter.category)}`);
  if (filter.area) where.push(`a.code = ${add(filter.area)}`);
  if (filter.department) where.push(`r.department_id = ${add(filter.department)}::uuid`);
  if (filter.statuses.length) where.push(`r.status = ANY(${add(filter.statuses)}::text[])`);
  if (filter.age) where.push(AGE_SQL[filter.age]);
  if (filter.q) {
    const q = add(filter.q);
    where.push(`(r.ref ILIKE ${q} || '%' OR r.title ILIKE '%' || ${q} || '%'
                 OR ${SEARCH_VECTOR} @@ plainto_tsquery('spanish', ${q}))`);
  }
  return where;
}

function scopeClause(scope: string[] | null, params: unknown[]): string {
  if (scope === null) return filedReport('r');
  params.push(scope);
  return `${filedReport('r')} AND r.department_id = ANY($${params.length}::uuid[])`;
}
