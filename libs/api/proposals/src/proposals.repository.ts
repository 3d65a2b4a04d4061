import { filedReport, PublicReads } from '@plaza/api/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  StaffProposalDetail,
  LinkedReport,
  OfficialAnswer,
  ProposalAnswerTemplate,
  ProposalOutcome,
  ProposalStatus,
  ProposalSummary,
  ProposalTimelineEntry,
} from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProposalListQuery } from './dto/list-proposals.query';

export interface ProposalRow {
  id: string;
  status: ProposalStatus;
  authorId: string;
  departmentId: string | null;
  themeDepartmentId: string | null;
  supportCount: number;
  statusBeforeHidden: ProposalStatus | null;
}

export interface NewProposal {
  title: string;
  summary: string;
  description: string;
  themeId: string;
  lon: number | null;
  lat: number | null;
  areaId: string | null;
  departmentId: string | null;
  authorId: string;
  showName: boolean;
}

export interface ImageRow {
  storageKey: string;
  thumbnailKey: string;
  width: number;
  height: number;
}

export interface NewImage {
  storageKey: string;
  thumbnailKey: string;
  width: number;
  height: number;
  bytes: number;
}

/** A proposal's public columns, as the list and the detail read them. */
export interface SummaryRow {
  id: string;
  title: string;
  summary: string;
  status: ProposalStatus;
  supports: number;
  comments: number;
  createdAt: Date;
  updatedAt: Date;
  authorName: string | null;
  themeCode: string;
  themeName: string;
  areaCode: string | null;
  areaName: string | null;
  lon: number | null;
  lat: number | null;
  followers: number;
  thumbnailKey: string | null;
}

export interface ListRow extends SummaryRow {
  search_rank: number | null;
  distance: number | null;
  /** count(*) OVER (): bigint, as text. */
  total: string;
}

/** One proposal with what its page adds to the summary. */
export interface DetailRow extends SummaryRow {
  description: string;
  authorId: string;
  departmentCode: string | null;
  departmentName: string | null;
}

interface IdRow {
  id: string;
}

interface SupportsRow {
  supports: number;
}

interface AnswerRow {
  outcome: ProposalOutcome;
  text: string;
  at: Date;
  departmentCode: string | null;
  departmentName: string | null;
}

interface ViewerRow {
  supported: boolean;
  following: boolean;
}

interface DecisionRow {
  reason: string;
  kind: 'provisional' | 'hidden';
}

interface StaffDecisionRow extends DecisionRow {
  note: string | null;
  decidedAt: Date;
  previousStatus: ProposalStatus | null;
  reviewRequested: boolean;
}

// UPDATE and DELETE … RETURNING are wrapped in a CTE: TypeORM answers those commands as
// [rows, count] but a SELECT as plain rows.

// The public columns of a proposal. Never the author's email; the name only when they chose it.
const SUMMARY_COLUMNS = `
  p.id::text AS id, p.title, p.summary, p.status, p.support_count AS supports, p.comment_count AS comments,
  p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  CASE WHEN p.show_name THEN u.name END AS "authorName",
  t.code AS "themeCode", coalesce(t.name->>$1, t.name->>'es') AS "themeName",
  a.code AS "areaCode", a.name AS "areaName",
  ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
  (SELECT count(*) FROM follows f WHERE f.target_type = 'proposal' AND f.target_id = p.id)::int AS followers,
  (SELECT i.thumbnail_key FROM proposal_images i WHERE i.proposal_id = p.id ORDER BY i.position LIMIT 1) AS "thumbnailKey"`;

const SUMMARY_FROM = `
  FROM proposals p
  JOIN proposal_themes t ON t.id = p.theme_id
  JOIN users u ON u.id = p.author_id
  LEFT JOIN areas a ON a.id = p.area_id`;

/** All proposal SQL. */
@Injectable()
export class ProposalsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Public read traffic may be served by a read replica (docs/operations.md#read-replicas).
    private readonly reads: PublicReads,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Public reads that must agree with each other (a proposal's page), on a replica when allowed. */
  publicSnapshot<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.reads.transaction(work);
  }

  async findTheme(code: string, manager: EntityManager): Promise<{ id: string; departmentId: string | null } | null> {
    const [row] = await manager.query<{ id: string; departmentId: string | null }[]>(
      `SELECT id, department_id AS "departmentId" FROM proposal_themes WHERE code = $1 AND active`,
      [code],
    );
    return row ?? null;
  }

  async insert(manager: EntityManager, p: NewProposal): Promise<string> {
    const [row] = await manager.query<IdRow[]>(
      `INSERT INTO proposals (title, summary, description, theme_id, location, area_id, department_id, author_id, show_name)
       VALUES ($1, $2, $3, $4,
               CASE WHEN $5::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($5::float8, $6::float8), 4326) END,
               $7, $8, $9, $10)
       RETURNING id::text AS id`,
      [p.title, p.summary, p.description, p.themeId, p.lon, p.lat, p.areaId, p.departmentId, p.authorId, p.showName],
    );
    return row!.id;
  }

  async insertImages(manager: EntityManager, proposalId: string, images: NewImage[]): Promise<void> {
    for (const [position, image] of images.entries()) {
      await manager.query<unknown[]>(
        `INSERT INTO proposal_images (proposal_id, position, storage_key, thumbnail_key, width, height, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [proposalId, position, image.storageKey, image.thumbnailKey, image.width, image.height, image.bytes],
      );
    }
  }

  /** The row with a lock, for a change made in the caller's transaction. */
  async lock(manager: EntityManager, id: string): Promise<ProposalRow | null> {
    const [row] = await manager.query<ProposalRow[]>(
      `SELECT p.id::text AS id, p.status, p.author_id AS "authorId", p.department_id AS "departmentId",
              t.department_id AS "themeDepartmentId", p.support_count AS "supportCount",
              p.status_before_hidden AS "statusBeforeHidden"
         FROM proposals p JOIN proposal_themes t ON t.id = p.theme_id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    return row ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: ProposalStatus, departmentId?: string | null): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE proposals SET status = $2, department_id = coalesce($3, department_id), updated_at = now() WHERE id = $1`,
      [id, status, departmentId ?? null],
    );
  }

  /** Adds a support; null when this user supports it already (the unique key decides, never a race). */
  async addSupport(manager: EntityManager, id: string, userId: string): Promise<number | null> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO proposal_supports (proposal_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [id, userId],
    );
    if (inserted.length === 0) return null;
    const [row] = await manager.query<SupportsRow[]>(
      `WITH u AS (UPDATE proposals SET support_count = support_count + 1 WHERE id = $1 RETURNING support_count)
       SELECT support_count AS supports FROM u`,
      [id],
    );
    return Number(row!.supports);
  }

  async removeSupport(manager: EntityManager, id: string, userId: string): Promise<number | null> {
    const removed = await manager.query<unknown[]>(
      `WITH d AS (DELETE FROM proposal_supports WHERE proposal_id = $1 AND user_id = $2 RETURNING 1) SELECT 1 FROM d`,
      [id, userId],
    );
    if (removed.length === 0) return null;
    const [row] = await manager.query<SupportsRow[]>(
      `WITH u AS (UPDATE proposals SET support_count = support_count - 1 WHERE id = $1 RETURNING support_count)
       SELECT support_count AS supports FROM u`,
      [id],
    );
    return Number(row!.supports);
  }

  async list(query: ProposalListQuery, locale: string): Promise<{ rows: ListRow[]; total: number }> {
    const params: unknown[] = [locale];
    const where: string[] = [];
    const add = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.statuses.length) where.push(`p.status = ANY(${add(query.statuses)}::text[])`);
    if (query.departmentIds) where.push(`p.department_id = ANY(${add(query.departmentIds)}::uuid[])`);
    if (query.themes.length) where.push(`t.code = ANY(${add(query.themes)}::text[])`);
    if (query.areas.length) where.push(`a.code = ANY(${add(query.areas)}::text[])`);
    if (query.bbox) {
      const [minLon, minLat, maxLon, maxLat] = query.bbox;
      where.push(`p.location && ST_MakeEnvelope(${add(minLon)}, ${add(minLat)}, ${add(maxLon)}, ${add(maxLat)}, 4326)`);
    }
    let rank = 'NULL::real';
    if (query.q) {
      const q = add(query.q);
      const tsq = `(websearch_to_tsquery('spanish', ${q}) || websearch_to_tsquery('english', ${q}))`;
      where.push(`p.search @@ ${tsq}`);
      rank = `ts_rank(p.search, ${tsq})`;
    }
    let distance = 'NULL::float8';
    if (query.near) {
      const point = `ST_SetSRID(ST_MakePoint(${add(query.near.lon)}, ${add(query.near.lat)}), 4326)`;
      distance = `ST_Distance(p.location::geography, ${point}::geography)`;
    }
    const order: Record<ProposalListQuery['sort'], string> = {
      supports: 'p.support_count DESC, p.id DESC',
      newest: 'p.created_at DESC, p.id DESC',
      comments: 'p.comment_count DESC, p.id DESC',
      nearest: 'distance ASC NULLS LAST, p.id DESC',
      relevance: 'search_rank DESC, p.id DESC',
    };
    const sql = (limit: string, offset: string): string =>
      `SELECT ${SUMMARY_COLUMNS}, ${rank} AS search_rank, ${distance} AS distance, count(*) OVER () AS total
       ${SUMMARY_FROM}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order[query.sort]}
       LIMIT ${limit} OFFSET ${offset}`;
    const limit = add(query.limit);
    const offset = add(query.offset);
    const rows = await this.reads.query<ListRow[]>(sql(limit, offset), params);
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && query.offset > 0) {
      // Past the last page: the first row still carries the total, so clients learn it.
      const [first] = await this.reads.query<ListRow[]>(sql(limit, '0'), params.slice(0, -1));
      total = Number(first?.total ?? 0);
    }
    return { rows, total };
  }

  /** Public proposals a public report is linked to ("this report is part of proposal 42"). */
  async proposalsLinkedTo(ref: string, publicReportStatuses: readonly string[], locale: string): Promise<SummaryRow[] | null> {
    const [report] = await this.reads.query<IdRow[]>(`SELECT id FROM reports WHERE ref = $1 AND status = ANY($2::text[]) AND ${filedReport('reports')}`, [ref, publicReportStatuses]);
    if (!report) return null;
    return this.reads.query<SummaryRow[]>(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM}
         JOIN proposal_report_links l ON l.proposal_id = p.id
        WHERE l.report_id = $2 AND p.status <> 'hidden'
        ORDER BY p.id`,
      [locale, report.id],
    );
  }

  async findSummary(id: string, locale: string, manager: EntityManager = this.db.manager): Promise<DetailRow | null> {
    const [row] = await manager.query<DetailRow[]>(
      `SELECT ${SUMMARY_COLUMNS}, p.description, p.author_id AS "authorId",
              d.code AS "departmentCode", coalesce(d.name->>$1, d.name->>'es') AS "departmentName"
       ${SUMMARY_FROM}
       LEFT JOIN departments d ON d.id = p.department_id
       WHERE p.id = $2`,
      [locale, id],
    );
    return row ?? null;
  }

  async images(id: string, manager: EntityManager): Promise<ImageRow[]> {
    return manager.query<ImageRow[]>(
      `SELECT storage_key AS "storageKey", thumbnail_key AS "thumbnailKey", width, height
         FROM proposal_images WHERE proposal_id = $1 ORDER BY position`,
      [id],
    );
  }

  async timeline(id: string, manager: EntityManager): Promise<ProposalTimelineEntry[]> {
    const rows = await manager.query<(Omit<ProposalTimelineEntry, 'at'> & { at: Date })[]>(
      `SELECT at, from_status AS "from", to_status AS "to", actor_kind AS "by", message
         FROM proposal_events WHERE proposal_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }

  async answers(id: string, locale: string, manager: EntityManager): Promise<OfficialAnswer[]> {
    const rows = await manager.query<AnswerRow[]>(
      `SELECT pa.outcome, pa.body AS text, pa.created_at AS at,
              d.code AS "departmentCode", coalesce(d.name->>$2, d.name->>'es') AS "departmentName"
         FROM proposal_answers pa LEFT JOIN departments d ON d.id = pa.department_id
        WHERE pa.proposal_id = $1 ORDER BY pa.created_at`,
      [id, locale],
    );
    return rows.map((r) => ({
      outcome: r.outcome,
      text: r.text,
      department: r.departmentCode ? { code: r.departmentCode, name: r.departmentName as string } : null,
      at: new Date(r.at).toISOString(),
    }));
  }

  /** Linked reports that are public (a hidden or unconfirmed report is not shown). */
  async linkedReports(id: string, publicStatuses: readonly string[], manager: EntityManager): Promise<LinkedReport[]> {
    return manager.query<LinkedReport[]>(
      `SELECT r.ref, r.title, r.status FROM proposal_report_links l JOIN reports r ON r.id = l.report_id
        WHERE l.proposal_id = $1 AND r.status = ANY($2::text[]) AND ${filedReport('r')} ORDER BY l.created_at, r.ref`,
      [id, publicStatuses],
    );
  }

  async viewerState(id: string, userId: string, manager: EntityManager): Promise<ViewerRow> {
    const [row] = await manager.query<ViewerRow[]>(
      `SELECT EXISTS (SELECT 1 FROM proposal_supports WHERE proposal_id = $1 AND user_id = $2) AS supported,
              EXISTS (SELECT 1 FROM follows WHERE target_type = 'proposal' AND target_id = $1 AND user_id = $2) AS following`,
      [id, userId],
    );
    return { supported: Boolean(row?.supported), following: Boolean(row?.following) };
  }

  async hiddenReason(id: string, manager: EntityManager): Promise<{ reason: string; provisional: boolean }> {
    const [row] = await manager.query<DecisionRow[]>(
      `SELECT reason, kind FROM moderation_decisions
        WHERE target_type = 'proposal' AND target_id = $1 AND lifted_at IS NULL`,
      [id],
    );
    return { reason: row?.reason ?? 'other', provisional: row?.kind === 'provisional' };
  }

  /** The decision in force on a proposal, for staff (the note is never public). */
  async moderation(id: string, manager: EntityManager): Promise<StaffProposalDetail['moderation']> {
    const [row] = await manager.query<StaffDecisionRow[]>(
      `SELECT reason, kind, note, decided_at AS "decidedAt", previous_status AS "previousStatus",
              review_requested_at IS NOT NULL AS "reviewRequested"
         FROM moderation_decisions WHERE target_type = 'proposal' AND target_id = $1 AND lifted_at IS NULL`,
      [id],
    );
    if (!row) return null;
    return {
      reason: row.reason,
      provisional: row.kind === 'provisional',
      note: row.note ?? null,
      decidedAt: new Date(row.decidedAt).toISOString(),
      statusBeforeHidden: row.previousStatus ?? null,
      reviewRequested: Boolean(row.reviewRequested),
    };
  }

  async activeDepartmentExists(id: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM departments WHERE id = $1 AND active`, [id]);
    return rows.length > 0;
  }

  async findTemplate(id: string, outcome: ProposalOutcome, manager: EntityManager): Promise<ProposalAnswerTemplate | null> {
    const [row] = await manager.query<ProposalAnswerTemplate[]>(
      `SELECT id, title, locale, outcome, body FROM proposal_answer_templates WHERE id = $1 AND outcome = $2 AND active`,
      [id, outcome],
    );
    return row ?? null;
  }

  listTemplates(locale: string | null, outcome: string | null): Promise<ProposalAnswerTemplate[]> {
    return this.db.query<ProposalAnswerTemplate[]>(
      `SELECT id, title, locale, outcome, body FROM proposal_answer_templates
        WHERE active AND ($1::text IS NULL OR locale = $1) AND ($2::text IS NULL OR outcome = $2)
        ORDER BY outcome, locale, title`,
      [locale, outcome],
    );
  }

  async insertAnswer(
    manager: EntityManager,
    a: { proposalId: string; outcome: ProposalOutcome; templateId: string; body: string; departmentId: string | null; authorId: string },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `INSERT INTO proposal_answers (proposal_id, outcome, template_id, body, department_id, author_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [a.proposalId, a.outcome, a.templateId, a.body, a.departmentId, a.authorId],
    );
  }

  async findReportId(ref: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query<IdRow[]>(`SELECT id::text AS id FROM reports WHERE ref = $1 AND ${filedReport('reports')}`, [ref]);
    return row?.id ?? null;
  }

  async link(manager: EntityManager, proposalId: string, reportId: string, userId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO proposal_report_links (proposal_id, report_id, linked_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [proposalId, reportId, userId],
    );
    return rows.length > 0;
  }

  async unlink(manager: EntityManager, proposalId: string, reportId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `WITH d AS (DELETE FROM proposal_report_links WHERE proposal_id = $1 AND report_id = $2 RETURNING 1) SELECT 1 FROM d`,
      [proposalId, reportId],
    );
    return rows.length > 0;
  }
}

/** Turns a summary row into the public shape (`distance` when the list was sorted by nearness). */
export function toSummary(row: SummaryRow & { distance?: number | null }, mediaBase: string): ProposalSummary {
  const summary: ProposalSummary = {
    id: Number(row.id),
    title: row.title,
    summary: row.summary,
    theme: { code: row.themeCode, name: row.themeName },
    status: row.status,
    area: row.areaCode ? { code: row.areaCode, name: row.areaName as string } : null,
    location: row.lon === null || row.lon === undefined ? null : [Number(row.lon), Number(row.lat)],
    supports: Number(row.supports),
    comments: Number(row.comments),
    followers: Number(row.followers),
    authorName: row.authorName ?? null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    thumbnailUrl: row.thumbnailKey ? `${mediaBase}${row.thumbnailKey}` : null,
  };
  if (row.distance !== undefined && row.distance !== null) summary.distance = Math.round(Number(row.distance));
  return summary;
}
