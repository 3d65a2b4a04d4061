import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, ReportStatus, ScreeningHold } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery, type ReportFeature } from './reports.repository';

/** The confirmation mail of an anonymous report, rendered before its reference exists. */
export interface FilingMail {
  channel: string;
  /** The outbox payload as JSON text, for a report its category publishes directly / moderates. */
  payloadPlain: string;
  payloadModerated: string;
  /** Stands for the reference in both payloads; replaced by the statement once the report has one. */
  refMarker: string;
  priority: number;
  /** The outbox clock's now: when the message is due and was written. */
  now: Date;
  /** ABUSE_PENDING_CONFIRMATIONS_MAX: past it the report is accepted but held, and mailed nothing. */
  cap: number;
}

/** Everything one filing writes, in the shape the statement takes. */
export interface Filing {
  title: string;
  description: string;
  categoryCode: string;
  lon: number;
  lat: number;
  address: string | null;
  /** Personal data found in the public fields: the report waits for a moderator. */
  screeningHold: ScreeningHold | null;
  reporterName: string;
  reporterEmail: string;
  reporterPhone: string | null;
  reporterShowName: boolean;
  source: string;
  reporterUserId: string | null;
  reporterLocale: Locale;
  /** Anonymous reporter: the hash of the token mailed to them, and how long it lives. */
  confirmation: { tokenHash: string; ttlHours: number } | null;
  /** `insert`: the key is new (a live twin makes the statement fail, 23505); `complete`: claimed already. */
  idempotency: { scope: string; key: string; requestHash: string; mode: 'insert' | 'complete' } | null;
  consent: { channel: string; noticeLocale: string; noticeVersion: string };
  /** Set for an anonymous reporter (null means no mail at all). */
  mail: FilingMail | null;
  /** The first timeline entry goes in with the report (not for an anonymous report: it waits). */
  withTimelineEntry: boolean;
  /** The language of the answer's department name. */
  locale: string;
}

export type FilingOutcome =
  | { kind: 'filed'; id: string; ref: string; status: ReportStatus; feature: ReportFeature; eventId: string | null; outbox: { id: string; dedupeKey: string; payload: Record<string, unknown> } | null }
  | { kind: 'unknown_category' }
  | { kind: 'outside_areas' };

interface FilingRow {
  categoryFound: boolean;
  id: string | null;
  ref: string | null;
  status: ReportStatus | null;
  feature: ReportFeature | null;
  eventId: string | null;
  outboxId: string | null;
  outboxKey: string | null;
  outboxPayload: Record<string, unknown> | null;
}

/**
 * Files a report in ONE statement: category and placement (routing), the report, its consent
 * record, its idempotency key, its confirmation mail in the outbox (or the hold past the cap), its
 * first timeline entry, and the public feature the answer needs, built from the inserted row — no
 * re-select. Data-modifying CTEs all run or none does, so a failure anywhere leaves nothing behind.
 *
 * The cap on pending confirmation mails is counted by `plaza_confirmations_mailed()` under the
 * address's advisory lock with a fresh snapshot (see its migration), so it stays exact under
 * concurrent filings for one address. When the statement runs on its own (no transaction) the lock
 * is released by its commit.
 */
const FILE_REPORT_SQL = `
  WITH cat AS (
    SELECT c.id, c.code, c.requires_moderation FROM categories c WHERE c.code = $3 AND c.active
  ), place AS (
    SELECT cat.id AS category_id, cat.code, a.id AS area_id, a.name AS area_name,
           coalesce(rr.department_id, c.default_department_id) AS department_id,
           cat.requires_moderation OR $7::jsonb IS NOT NULL AS moderated
      FROM cat
      JOIN categories c ON c.id = cat.id
      CROSS JOIN LATERAL (
        SELECT id, name FROM areas WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($4, $5), 4326)) ORDER BY code LIMIT 1
      ) a
      LEFT JOIN routing_rules rr ON rr.area_id = a.id AND rr.category_id = cat.id
  ), cap AS (
    -- Only an anonymous filing (with a mail to send) counts and takes the address's lock.
    SELECT CASE WHEN $24::text IS NULL THEN 0 ELSE plaza_confirmations_mailed($9) END AS mailed
  ), rep AS (
    INSERT INTO reports (title, description, category_id, location, address, area_id, department_id, status,
                         reporter_name, reporter_email, reporter_phone, reporter_show_name, consent_at, source,
                         reporter_user_id, reporter_locale,
                         confirmation_pending_since, confirmation_token_hash, confirmation_expires_at, screening_hold,
                         confirmation_mailed)
    SELECT $1, $2, p.category_id, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, p.area_id, p.department_id,
           CASE WHEN p.moderated THEN 'unconfirmed' ELSE 'confirmed' END,
           $8, $9, $10, $11, now(), $12, $13::uuid, $14,
           CASE WHEN $15::text IS NULL THEN NULL ELSE now() END, $15::text,
           CASE WHEN $15::text IS NULL THEN NULL ELSE now() + make_interval(hours => $16::int) END, $7::jsonb,
           $24::text IS NULL OR (SELECT mailed FROM cap) < $27::int
      FROM place p
    RETURNING id, ref, title, description, status, address, location, created_at, updated_at, department_id,
              reporter_show_name, reporter_name, support_count, confirmation_mailed
  ), new_key AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, resource_id)
    SELECT $17, $18, $19, rep.id FROM rep WHERE $18::text IS NOT NULL AND $20::text = 'insert'
  ), claimed_key AS (
    UPDATE idempotency_keys k SET resource_id = rep.id FROM rep
     WHERE $18::text IS NOT NULL AND $20::text = 'complete' AND k.scope = $17 AND k.key = $18
  ), consent AS (
    INSERT INTO consent_records (form, channel, notice_locale, notice_version, user_id, report_id)
    SELECT 'report', $21, $22, $23, $13::uuid, rep.id FROM rep
  ), mail AS (
    INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at, priority)
    SELECT $28, 'report-confirmation:' || rep.id,
           replace(CASE WHEN p.moderated THEN $25 ELSE $24 END, $26, rep.ref)::jsonb, $29, $29, $30
      FROM rep CROSS JOIN place p
     WHERE $24::text IS NOT NULL AND rep.confirmation_mailed
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, dedupe_key, payload
  ), event AS (
    INSERT INTO report_events (report_id, actor_kind, actor_id, from_status, to_status, message, is_public)
    SELECT rep.id, 'citizen', NULL, NULL, rep.status, NULL, true FROM rep WHERE $31::boolean
    RETURNING id
  )
  SELECT EXISTS (SELECT 1 FROM cat) AS "categoryFound",
         rep.id::text AS id, rep.ref, rep.status,
         json_build_object(
           'type', 'Feature',
           'id', rep.ref,
           'geometry', json_build_object('type', 'Point', 'coordinates',
             json_build_array(round(ST_X(rep.location)::numeric, 6), round(ST_Y(rep.location)::numeric, 6))),
           'properties', json_build_object(
             'ref', rep.ref,
             'title', rep.title,
             'description', rep.description,
             'category', p.code,
             'status', rep.status,
             'area', p.area_name,
             'department', coalesce(d.name ->> $32::text, d.name ->> 'es'),
             'address', rep.address,
             'reporterName', CASE WHEN rep.reporter_show_name THEN rep.reporter_name END,
             'createdAt', to_char(rep.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'updatedAt', to_char(rep.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'supports', rep.support_count,
             'photos', '[]'::json)) AS feature,
         (SELECT id::text FROM event) AS "eventId",
         (SELECT id::text FROM mail) AS "outboxId",
         (SELECT dedupe_key FROM mail) AS "outboxKey",
         (SELECT payload FROM mail) AS "outboxPayload"
    FROM (SELECT 1) one
    LEFT JOIN rep ON true
    LEFT JOIN place p ON true
    LEFT JOIN departments d ON d.id = rep.department_id`;

/** SQLSTATE of a unique violation, and the constraint that says "this key was used already". */
const UNIQUE_VIOLATION = '23505';
const IDEMPOTENCY_KEY_CONSTRAINT = 'idempotency_keys_pkey';

/** SQLSTATE and constraint of an error from pg, or from TypeORM around it. */
function pgErrorOf(error: unknown): { code?: string; constraint?: string } {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  return { code: e.code ?? e.driverError?.code, constraint: e.constraint ?? e.driverError?.constraint };
}

/** The statement found a live report under the same Idempotency-Key: nothing was written. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('The Idempotency-Key is in use');
  }
}

@Injectable()
export class ReportFilingRepository {
  /**
   * Named (prepared once per connection) on a server's pool. A pool of one is the embedded PGlite
   * (decision 0002), whose socket does not survive a named statement whose execution fails (a
   * key collision): there the statement is sent unnamed.
   */
  private readonly named: boolean;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.named = ((db.options as { poolSize?: number }).poolSize ?? 10) > 1;
  }

  private onItsOwn(values: unknown[]): Promise<FilingRow[]> {
    return this.named ? preparedQuery<FilingRow>(this.db, FILE_REPORT_SQL, values) : this.db.query<FilingRow[]>(FILE_REPORT_SQL, values);
  }

  /**
   * Runs the filing statement: on its own (a named prepared statement on the pool, its own
   * transaction: one round trip) when `manager` is absent, else inside the caller's transaction.
   */
  async file(filing: Filing, manager?: EntityManager): Promise<FilingOutcome> {
    const values = parameters(filing);
    let row: FilingRow | undefined;
    try {
      [row] = manager ? await manager.query<FilingRow[]>(FILE_REPORT_SQL, values) : await this.onItsOwn(values);
    } catch (error) {
      const { code, constraint } = pgErrorOf(error);
      if (code === UNIQUE_VIOLATION && constraint === IDEMPOTENCY_KEY_CONSTRAINT) throw new IdempotencyKeyTaken();
      throw error;
    }
    if (!row?.categoryFound) return { kind: 'unknown_category' };
    if (!row.id || !row.ref || !row.status || !row.feature) return { kind: 'outside_areas' };
    return {
      kind: 'filed',
      id: row.id,
      ref: row.ref,
      status: row.status,
      feature: row.feature,
      eventId: row.eventId,
      outbox: row.outboxId && row.outboxKey && row.outboxPayload ? { id: row.outboxId, dedupeKey: row.outboxKey, payload: row.outboxPayload } : null,
    };
  }
}

function parameters(f: Filing): unknown[] {
  return [
    f.title, // $1
    f.description,
    f.categoryCode,
    f.lon,
    f.lat, // $5
    f.address,
    f.screeningHold ? JSON.stringify(f.screeningHold) : null,
    f.reporterName,
    f.reporterEmail,
    f.reporterPhone, // $10
    f.reporterShowName,
    f.source,
    f.reporterUserId,
    f.reporterLocale,
    f.confirmation?.tokenHash ?? null, // $15
    f.confirmation?.ttlHours ?? 0,
    f.idempotency?.scope ?? null,
    f.idempotency?.key ?? null,
    f.idempotency?.requestHash ?? null,
    f.idempotency?.mode ?? null, // $20
    f.consent.channel,
    f.consent.noticeLocale,
    f.consent.noticeVersion,
    f.mail?.payloadPlain ?? null,
    f.mail?.payloadModerated ?? null, // $25
    f.mail?.refMarker ?? null,
    f.mail?.cap ?? 0,
    f.mail?.channel ?? null,
    f.mail?.now ?? null,
    f.mail?.priority ?? 0, // $30
    f.withTimelineEntry,
    f.locale,
  ];
}
