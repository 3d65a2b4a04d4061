import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, NearbyReportView, ReportStatus, TimelineEntryView } from '@plaza/shared/contracts';
import { PUBLIC_REPORT_STATUSES } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { filedReport, preparedName, PublicReads, type PgPoolsDriver } from '@plaza/api/database';
import type { ReportListQuery } from './dto/list-reports.query';
import { departmentNameJson, jsonTextOrNull, photoJson, photosArraySql, publicFeatureSql, shownPhoto } from './public-feature.sql';
import { reportFilterClauses } from './report-filters.sql';
import { VIEWPORT_CELL_X_SQL, VIEWPORT_CELL_Y_SQL, VIEWPORT_CELLS_PER_DEGREE, type ViewportCells } from './viewport-grid';

/** A report found by its confirmation token, locked for the confirmation. */
export interface ConfirmationTarget {
  id: string;
  ref: string;
  status: ReportStatus;
  pending: boolean;
  expired: boolean;
}

/** JSON text that PostgreSQL built (public-feature.sql.ts), served as it is without parsing. */
export type JsonText = string;

/** A GeoJSON Feature of a public report, as PostgreSQL built it (parsed by the driver). */
export type ReportFeature = Record<string, unknown>;

/** One page of the public list. */
export interface FeaturePage {
  /** A JSON array of GeoJSON Features. */
  features: JsonText;
  lastId: string | null;
  count: number;
}

interface PendingRow {
  pending: boolean;
}

interface ExpiredRow {
  reports: number;
  photoKeys: string[];
}

interface FeatureRow {
  id: string;
  feature: ReportFeature;
}

interface IdempotencyRow {
  requestHash: string;
  resourceId: string | null;
}

/**
 * A report's public Feature for one report at a time (detail, idempotent replays): the stored
 * fragment closed with its category, area, department ($1 locale) and photos ($2 media base).
 * Reporter contact fields are never selected here.
 */
const FEATURE_SQL = publicFeatureSql({
  report: 'r',
  category: 'to_json(c.code)::text',
  area: jsonTextOrNull('a.name'),
  department: departmentNameJson('d', '$1::text'),
  photos: photosArraySql('r.id', '$2::text'),
});

const FEATURE_FROM = `
  FROM reports r
  JOIN categories c ON c.id = r.category_id
  LEFT JOIN areas a ON a.id = r.area_id
  LEFT JOIN departments d ON d.id = r.department_id`;

/**
 * The map's pages: the same Feature, with the page's few categories, areas and departments
 * rendered once each (`OFFSET 0` keeps each subquery a unit the planner does not flatten, which
 * would render the name again for every report) and its photos gathered in one pass.
 */
const PAGE_FEATURE_SQL = publicFeatureSql({
  report: 'r',
  category: 'c.code',
  area: `coalesce(a.name, 'null')`,
  department: `coalesce(d.name, 'null')`,
  photos: `coalesce(ph.photos, '[]')`,
});

const PAGE_FEATURE_FROM = `
  FROM page
  JOIN reports r ON r.id = page.id
  JOIN (SELECT id, to_json(code)::text AS code FROM categories OFFSET 0) c ON c.id = r.category_id
  LEFT JOIN (SELECT id, to_json(name)::text AS name FROM areas OFFSET 0) a ON a.id = r.area_id
  LEFT JOIN (SELECT departments.id, ${departmentNameJson('departments', '$1::text')} AS name FROM departments OFFSET 0) d
         ON d.id = r.department_id
  LEFT JOIN (SELECT p.report_id, '[' || string_agg(${photoJson('p', '$2::text')}, ',' ORDER BY p.position) || ']' AS photos
               FROM report_photos p
              WHERE p.report_id IN (SELECT id FROM page) AND ${shownPhoto('p')}
              GROUP BY p.report_id) ph ON ph.report_id = r.id`;

@Injectable()
export class ReportsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Public read traffic may be served by a read replica (docs/operations.md#read-replicas).
    private readonly reads: PublicReads,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Whether a report still waits for its reporter (an idempotent replay answers the same). */
  async isAwaitingConfirmation(manager: EntityManager, id: string): Promise<boolean> {
    const [row] = await manager.query<PendingRow[]>(`SELECT confirmation_pending_since IS NOT NULL AS pending FROM reports WHERE id = $1`, [id]);
    return row?.pending === true;
  }

  /** The report a confirmation token belongs to, locked until the caller's transaction ends. */
  async lockByConfirmationToken(manager: EntityManager, tokenHash: string): Promise<ConfirmationTarget | null> {
    const rows = await manager.query<ConfirmationTarget[]>(
      `SELECT id::text AS id, ref, status, confirmation_pending_since IS NOT NULL AS pending,
              confirmation_pending_since IS NOT NULL AND confirmation_expires_at <= now() AS expired
         FROM reports WHERE confirmation_token_hash = $1
         FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The reporter vouched for their email: from now on the report exists for everyone it should. */
  async markConfirmed(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE reports SET confirmation_pending_since = NULL, confirmed_by_reporter_at = now(), updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /**
   * Deletes every report whose confirmation link expired unused, in one statement, and answers
   * the photo files it held. One statement is atomic and idempotent: replicas running it at the
   * same time delete each report once, and a confirmation that locked the row first wins.
   */
  async deleteExpiredUnconfirmed(): Promise<{ reports: number; photoKeys: string[] }> {
    const [row] = await this.db.query<ExpiredRow[]>(
      `WITH doomed AS (
         SELECT id FROM reports
          WHERE confirmation_pending_since IS NOT NULL AND confirmation_expires_at <= now()
          FOR UPDATE SKIP LOCKED
       ), photos AS (
         DELETE FROM report_photos WHERE report_id IN (SELECT id FROM doomed)
         RETURNING storage_key, thumbnail_key, original_key
       ), keys AS (
         -- The report never reached the city: a retry with its key files it anew instead of failing.
         DELETE FROM idempotency_keys WHERE resource_id IN (SELECT id FROM doomed)
       ), gone AS (
         DELETE FROM reports WHERE id IN (SELECT id FROM doomed) RETURNING id
       )
       SELECT (SELECT count(*)::int FROM gone) AS reports,
              coalesce((SELECT array_agg(k) FROM photos, LATERAL unnest(ARRAY[storage_key, thumbnail_key, original_key]) k WHERE k IS NOT NULL), '{}') AS "photoKeys"`,
    );
    return { reports: row!.reports, photoKeys: row!.photoKeys };
  }

  /**
   * Photos uploaded and still waiting for the photo worker: their originals are never public, so
   * the report page says a photo is on its way instead (only for the detail, not the map's hot path).
   */
  async processingPhotoCount(reportId: string): Promise<number> {
    const [row] = await this.reads.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM report_photos WHERE report_id = $1 AND state = 'pending' AND NOT hidden`,
      [reportId],
    );
    return row?.n ?? 0;
  }

  /**
   * One page of public reports as GeoJSON text, newest first, keyset-paginated on the id.
   *
   * Three ways to find the page's rows, chosen by `plan` (ReportsService.listPlan):
   * - `grid` merges the newest reports of each viewport-grid cell under the box
   *   (viewport-grid.ts), read from the index alone: about `limit` + a few entries per cell;
   * - `newest` walks the primary key backwards and stops at `limit` matches (cheap when matches
   *   are everywhere: the city, a large box);
   * - `box` takes every match in the box from the GiST index and keeps the newest (cheap when the
   *   box holds few reports). `r.id + 0` keeps the planner off the primary key.
   * All give the same rows in the same order, so the body is the same either way; the features
   * are built for the page's rows only.
   */
  async listFeatures(query: ReportListQuery, locale: Locale, mediaBase: string, plan: ListPlan = { kind: 'newest' }): Promise<FeaturePage> {
    const params: unknown[] = [locale, mediaBase];
    const where = reportFilterClauses(query, params, plan.kind === 'grid' ? 'id' : 'join');
    if (query.afterId) {
      params.push(query.afterId);
      where.push(`r.id < $${params.length}::bigint`);
    }
    const page = plan.kind === 'grid' ? gridPage(plan.cells, where, params, query.bbox!) : scanPage(plan.kind, where);
    params.push(query.limit);
    const [row] = await this.reads.prepared<FeaturePage>(
      `WITH page AS MATERIALIZED (${page}
                  LIMIT $${params.length})
       SELECT '[' || coalesce(string_agg(${PAGE_FEATURE_SQL}, ',' ORDER BY r.id DESC), '') || ']' AS features,
              min(r.id)::text AS "lastId", count(*)::int AS count
       ${PAGE_FEATURE_FROM}`,
      params,
    );
    return row!;
  }

  async findPublicFeature(ref: string, locale: Locale, mediaBase: string): Promise<FeatureRow | null> {
    const rows = await this.reads.query<FeatureRow[]>(
      `SELECT r.id::text AS id, ${FEATURE_SQL}::json AS feature ${FEATURE_FROM}
        WHERE r.ref = $3 AND r.status = ANY($4::text[]) AND ${filedReport('r')}`,
      [locale, mediaBase, ref, PUBLIC_REPORT_STATUSES],
    );
    return rows[0] ?? null;
  }

  /** Null when the report is gone (e.g. an idempotent replay after it was deleted). */
  async findFeatureById(manager: EntityManager, id: string, locale: Locale, mediaBase: string): Promise<ReportFeature | null> {
    const [row] = await manager.query<Omit<FeatureRow, 'id'>[]>(`SELECT ${FEATURE_SQL}::json AS feature ${FEATURE_FROM} WHERE r.id = $3`, [
      locale,
      mediaBase,
      id,
    ]);
    return row?.feature ?? null;
  }

  /** The public report a report was merged into as its duplicate, or null (none, or not public). */
  async publicDuplicateOf(reportId: string): Promise<string | null> {
    const rows = await this.reads.query<Array<{ ref: string }>>(
      `SELECT o.ref
         FROM reports r
         JOIN reports o ON o.id = r.duplicate_of_id
        WHERE r.id = $1 AND o.status = ANY($2::text[]) AND ${filedReport('o')}`,
      [reportId, PUBLIC_REPORT_STATUSES],
    );
    return rows[0]?.ref ?? null;
  }

  async publicTimeline(reportId: string): Promise<TimelineEntryView[]> {
    return this.reads.query<TimelineEntryView[]>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
              CASE actor_kind WHEN 'staff' THEN 'city' ELSE actor_kind END AS actor,
              from_status AS "from", to_status AS "to", message
         FROM report_events
        WHERE report_id = $1 AND is_public
        ORDER BY at, id`,
      [reportId],
    );
  }

  /** Public reports near a point, closest first: the report form's "is this already reported?". */
  async nearby(lon: number, lat: number, radiusMeters: number, category: string | null, limit: number): Promise<NearbyReportView[]> {
    return this.reads.query<NearbyReportView[]>(
      `SELECT r.ref, r.title, c.code AS category, r.status,
              round(ST_Distance(r.location::geography, p.g))::int AS "distanceMeters", r.support_count AS supports,
              to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
         FROM reports r
         JOIN categories c ON c.id = r.category_id,
              (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography AS g) p
        WHERE ST_DWithin(r.location::geography, p.g, $3)
          AND r.status = ANY($4::text[]) AND ${filedReport('r')}
          AND ($5::text IS NULL OR c.code = $5)
        ORDER BY r.location::geography <-> p.g
        LIMIT $6`,
      [lon, lat, radiusMeters, OPEN_PUBLIC_STATUSES, category, limit],
    );
  }

  /**
   * Claims an idempotency key inside the caller's transaction; a concurrent twin waits for it. A
   * key older than its TTL is claimed afresh, as if never used (the purge job removes it later).
   */
  async claimIdempotencyKey(
    manager: EntityManager,
    scope: string,
    key: string,
    requestHash: string,
    ttlHours: number,
  ): Promise<{ claimed: true } | { claimed: false; requestHash: string; resourceId: string | null }> {
    const inserted = await manager.query<{ key: string }[]>(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, resource_id = NULL, created_at = now()
         WHERE idempotency_keys.created_at <= now() - make_interval(hours => $4::int)
       RETURNING key`,
      [scope, key, requestHash, ttlHours],
    );
    if (inserted.length > 0) return { claimed: true };
    const [existing] = await manager.query<IdempotencyRow[]>(
      `SELECT request_hash AS "requestHash", resource_id::text AS "resourceId" FROM idempotency_keys
        WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return { claimed: false, requestHash: existing!.requestHash, resourceId: existing!.resourceId };
  }

  /**
   * Whether a request with this key would replay a report already filed (the key is live and
   * holds a report). Read without a lock: it only decides whether a retry counts against the
   * limits; the claim in the transaction still decides what is answered.
   */
  async holdsLiveReport(scope: string, key: string, ttlHours: number): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(
      `SELECT 1 FROM idempotency_keys
        WHERE scope = $1 AND key = $2 AND resource_id IS NOT NULL
          AND created_at > now() - make_interval(hours => $3::int)`,
      [scope, key, ttlHours],
    );
    return rows.length > 0;
  }

  /** Forgets keys past their TTL, in one statement (safe when replicas run it together). */
  async purgeIdempotencyKeys(ttlHours: number): Promise<number> {
    const rows = await this.db.query<{ n: number }[]>(
      `WITH gone AS (DELETE FROM idempotency_keys WHERE created_at <= now() - make_interval(hours => $1::int) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [ttlHours],
    );
    return rows[0]?.n ?? 0;
  }

  async completeIdempotencyKey(manager: EntityManager, scope: string, key: string, resourceId: string): Promise<void> {
    await manager.query<unknown[]>(`UPDATE idempotency_keys SET resource_id = $3 WHERE scope = $1 AND key = $2`, [scope, key, resourceId]);
  }
}

// Closed reports are not useful duplicate candidates: the problem came back.
const OPEN_PUBLIC_STATUSES: ReportStatus[] = ['confirmed', 'investigating', 'action_scheduled', 'in_progress'];

/**
 * Runs a hot-path statement straight on the primary's pg pool as a named prepared statement:
 * parsed once per connection instead of on every request, and without a query runner taken and
 * released around it. Only for single statements outside transactions (the pool hands out any
 * connection): a write that is its own transaction (filing a report, ReportFilingRepository).
 * Public reads go through PublicReads.prepared, which may use a replica.
 */
export async function preparedQuery<Row>(db: DataSource, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (db.driver as unknown as PgPoolsDriver).master;
  const { rows } = await pool.query<Row>({ name: preparedName(text), text, values });
  return rows;
}

/** How ReportsRepository.listFeatures finds a page's rows. */
export type ListPlan = { kind: 'newest' } | { kind: 'box' } | { kind: 'grid'; cells: ViewportCells };

/** The page's ids from one scan of reports: the primary key backwards, or the box's GiST hits. */
function scanPage(kind: 'newest' | 'box', where: string[]): string {
  return `SELECT r.id FROM reports r JOIN categories c ON c.id = r.category_id
                        WHERE ${where.join(' AND ')}
                        ORDER BY ${kind === 'box' ? 'r.id + 0' : 'r.id'} DESC`;
}

/**
 * The page's ids as a merge of each grid cell's newest (one index-only scan per cell, each in id
 * order, merged by the planner's Merge Append, which reads only as far as the page needs). The
 * cells are array parameters, so a statement's text depends only on how many columns and rows it
 * has room for; a null cell matches nothing.
 *
 * The edges the view barely covers are four more branches (viewport-grid.ts, STRIP_SHARE): each
 * finds its strip's reports from the GiST index (`+ 0` keeps the planner off the grid index, whose
 * cell would be walked whole) and sorts the few it finds; a null strip matches nothing. West and
 * east take their whole column, south and north the rest of their row, so each report of the view
 * is in exactly one branch.
 */
function gridPage(cells: ViewportCells, where: string[], params: unknown[], bbox: readonly [number, number, number, number]): string {
  params.push(cells.columns, cells.rows, ...bbox, cells.strips.west, cells.strips.east, cells.strips.south, cells.strips.north);
  const at = (offset: number): string => `$${params.length - 9 + offset}`;
  const [columns, rows] = [`${at(0)}::int[]`, `${at(1)}::int[]`];
  const [minX, minY, maxX, maxY] = [`${at(2)}::float8`, `${at(3)}::float8`, `${at(4)}::float8`, `${at(5)}::float8`];
  const [west, east, south, north] = [`${at(6)}::int`, `${at(7)}::int`, `${at(8)}::int`, `${at(9)}::int`];
  const branch = (condition: string): string =>
    `(SELECT r.id FROM reports r
                   WHERE ${condition}
                     AND ${where.join(' AND ')}
                   ORDER BY r.id DESC)`;
  const cellBranches = cells.columns.flatMap((_, i) =>
    cells.rows.map((_, j) => branch(`${VIEWPORT_CELL_X_SQL} = (${columns})[${i + 1}] AND ${VIEWPORT_CELL_Y_SQL} = (${rows})[${j + 1}]`)),
  );
  // A strip's cell edge, widened by far more than floating-point rounding: the cell test is exact.
  const edge = (cell: string, plus = 0): string => `(${cell} + ${plus}) / ${VIEWPORT_CELLS_PER_DEGREE}.0`;
  const margin = '1e-9';
  const x = `${VIEWPORT_CELL_X_SQL} + 0`;
  const y = `${VIEWPORT_CELL_Y_SQL} + 0`;
  const notInStripColumns = `${x} IS DISTINCT FROM ${west} AND ${x} IS DISTINCT FROM ${east}`;
  const stripBranches = [
    branch(`r.location && ST_MakeEnvelope(${minX}, ${minY}, ${edge(west, 1)} + ${margin}, ${maxY}, 4326) AND ${x} = ${west}`),
    branch(`r.location && ST_MakeEnvelope(${edge(east)} - ${margin}, ${minY}, ${maxX}, ${maxY}, 4326) AND ${x} = ${east}`),
    branch(`r.location && ST_MakeEnvelope(${minX}, ${minY}, ${maxX}, ${edge(south, 1)} + ${margin}, 4326) AND ${y} = ${south} AND ${notInStripColumns}`),
    branch(`r.location && ST_MakeEnvelope(${minX}, ${edge(north)} - ${margin}, ${maxX}, ${maxY}, 4326) AND ${y} = ${north} AND ${notInStripColumns}`),
  ];
  return `SELECT id FROM (${[...cellBranches, ...stripBranches].join('\n                 UNION ALL ')}) cells ORDER BY id DESC`;
}
