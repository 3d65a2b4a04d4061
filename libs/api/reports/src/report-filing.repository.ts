import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, ReportStatus, ScreeningHold } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupCommit } from './group-commit';
import { departmentNameJson, jsonTextOrNull, publicFeatureSql } from './public-feature.sql';
import { preparedQuery, type ReportFeature } from './reports.repository';

/** The confirmation mail of an anonymous report, rendered before its reference exists. */
export interface FilingMail {
  channel: string;
  /**
   * The outbox payload as JSON text: the mail's values (confirmationMailValues), to which the
   * statement adds the report's `ref` and whether its category moderates it (`moderated`).
   */
  payload: string;
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
  ord: number;
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

/** The filed report's Feature, as every other path shows it (public-feature.sql.ts); no photos yet. */
const FILED_FEATURE_SQL = publicFeatureSql({
  report: 'rep',
  category: 'to_json(p.code)::text',
  area: jsonTextOrNull('p.area_name'),
  department: departmentNameJson('d', 'f.locale'),
  photos: `'[]'`,
});

/**
 * Files reports in ONE statement — one, or a batch gathered by group commit (decision 0016): for
 * each, category and placement (routing), the report, its consent record, its idempotency key, its
 * confirmation mail in the outbox (or the hold past the cap), its first timeline entry, and the
 * public feature the answer needs, built from the inserted row — no re-select. Data-modifying CTEs
 * all run or none does, so a failure anywhere leaves nothing behind, for every filing of the batch.
 *
 * The filings come as one JSON array (`$1`), one record each with its position `ord`; the answer
 * has one row per position. Each report's id is drawn from its identity sequence up front, so the
 * rows the CTEs return are matched to their filing by id.
 *
 * The cap on pending confirmation mails is counted by `plaza_confirmations_mailed()` under the
 * address's advisory lock with a fresh snapshot (see its migration), so it stays exact under
 * concurrent filings for one address — as long as one statement never carries two filings for the
 * same address, which the batcher sees to. Locks are taken in the batch's order (sorted by
 * address), so two batches never wait on each other in a circle. When the statement runs on its
 * own (no transaction) the locks are released by its commit.
 */
const FILE_REPORTS_SQL = `
  WITH f AS MATERIALIZED (
    SELECT f.*, nextval('reports_id_seq') AS report_id
      FROM json_to_recordset($1::json) AS f(
        ord int, title text, description text, category_code text, lon float8, lat float8, address text,
        screening_hold jsonb, reporter_name text, reporter_email text, reporter_phone text, show_name boolean,
        source text, user_id uuid, reporter_locale text, token_hash text, ttl_hours int,
        key_scope text, key text, request_hash text, key_mode text,
        consent_channel text, notice_locale text, notice_version text,
        mail_payload text, cap int,
        mail_channel text, mail_at timestamptz, mail_priority int, with_event boolean, locale text)
     ORDER BY f.ord
  ), place AS (
    SELECT f.ord, c.id AS category_id, c.code, a.id AS area_id, a.name AS area_name,
           coalesce(rr.department_id, c.default_department_id) AS department_id,
           c.requires_moderation OR f.screening_hold IS NOT NULL AS moderated
      FROM f
      JOIN categories c ON c.code = f.category_code AND c.active
      CROSS JOIN LATERAL (
        SELECT id, name FROM areas WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326)) ORDER BY code LIMIT 1
      ) a
      LEFT JOIN routing_rules rr ON rr.area_id = a.id AND rr.category_id = c.id
  ), cap AS MATERIALIZED (
    -- Only an anonymous filing (with a mail to send) counts and takes the address's lock.
    SELECT f.ord, CASE WHEN f.mail_payload IS NULL THEN 0 ELSE plaza_confirmations_mailed(f.reporter_email) END AS mailed
      FROM f ORDER BY f.ord
  ), rep AS (
    INSERT INTO reports (id, title, description, category_id, location, address, area_id, department_id, status,
                         reporter_name, reporter_email, reporter_phone, reporter_show_name, consent_at, source,
                         reporter_user_id, reporter_locale,
                         confirmation_pending_since, confirmation_token_hash, confirmation_expires_at, screening_hold,
                         confirmation_mailed)
    OVERRIDING SYSTEM VALUE
    SELECT f.report_id, f.title, f.description, p.category_id, ST_SetSRID(ST_MakePoint(f.lon, f.lat), 4326), f.address,
           p.area_id, p.department_id,
           CASE WHEN p.moderated THEN 'unconfirmed' ELSE 'confirmed' END,
           f.reporter_name, f.reporter_email, f.reporter_phone, f.show_name, now(), f.source, f.user_id, f.reporter_locale,
           CASE WHEN f.token_hash IS NULL THEN NULL ELSE now() END, f.token_hash,
           CASE WHEN f.token_hash IS NULL THEN NULL ELSE now() + make_interval(hours => f.ttl_hours) END, f.screening_hold,
           f.mail_payload IS NULL OR cap.mailed < f.cap
      FROM f JOIN place p ON p.ord = f.ord JOIN cap ON cap.ord = f.ord
     ORDER BY f.ord
    RETURNING id, ref, status, department_id, public_fragment, confirmation_mailed
  ), new_key AS (
    INSERT INTO idempotency_keys (scope, key, request_hash, resource_id)
    SELECT f.key_scope, f.key, f.request_hash, rep.id FROM f JOIN rep ON rep.id = f.report_id
     WHERE f.key IS NOT NULL AND f.key_mode = 'insert'
  ), claimed_key AS (
    UPDATE idempotency_keys k SET resource_id = rep.id FROM f JOIN rep ON rep.id = f.report_id
     WHERE f.key IS NOT NULL AND f.key_mode = 'complete' AND k.scope = f.key_scope AND k.key = f.key
  ), consent AS (
    INSERT INTO consent_records (form, channel, notice_locale, notice_version, user_id, report_id)
    SELECT 'report', f.consent_channel, f.notice_locale, f.notice_version, f.user_id, rep.id
      FROM f JOIN rep ON rep.id = f.report_id
  ), mail AS (
    INSERT INTO outbox_messages (channel, dedupe_key, payload, next_attempt_at, created_at, priority)
    SELECT f.mail_channel, 'report-confirmation:' || rep.id,
           f.mail_payload::jsonb || jsonb_build_object('ref', rep.ref, 'moderated', p.moderated),
           f.mail_at, f.mail_at, f.mail_priority
      FROM f JOIN rep ON rep.id = f.report_id JOIN place p ON p.ord = f.ord
     WHERE f.mail_payload IS NOT NULL AND rep.confirmation_mailed
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id, dedupe_key, payload
  ), event AS (
    INSERT INTO report_events (report_id, actor_kind, actor_id, from_status, to_status, message, is_public)
    SELECT rep.id, 'citizen', NULL, NULL, rep.status, NULL, true FROM f JOIN rep ON rep.id = f.report_id WHERE f.with_event
    RETURNING id, report_id
  )
  SELECT f.ord,
         p.ord IS NOT NULL OR EXISTS (SELECT 1 FROM categories c WHERE c.code = f.category_code AND c.active) AS "categoryFound",
         rep.id::text AS id, rep.ref, rep.status,
         CASE WHEN rep.id IS NOT NULL THEN ${FILED_FEATURE_SQL}::json END AS feature,
         event.id::text AS "eventId",
         mail.id::text AS "outboxId",
         mail.dedupe_key AS "outboxKey",
         mail.payload AS "outboxPayload"
    FROM f
    LEFT JOIN rep ON rep.id = f.report_id
    LEFT JOIN place p ON p.ord = f.ord
    LEFT JOIN departments d ON d.id = rep.department_id
    LEFT JOIN event ON event.report_id = rep.id
    LEFT JOIN mail ON mail.dedupe_key = 'report-confirmation:' || rep.id
   ORDER BY f.ord`;

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

/**
 * Filings gathered into one statement at most (decision 0016): past a few dozen the statement's
 * JSON and its locks grow for no further saving, and a batch that fails is run again item by item.
 */
const MAX_BATCH = 64;
/**
 * Batches out at once on a server's pool: the next one gathers while these run. Two keep both
 * cores of a small database server busy; more would only split the same load into smaller batches.
 */
const MAX_IN_FLIGHT = 2;

@Injectable()
export class ReportFilingRepository {
  /**
   * Named (prepared once per connection) on a server's pool. A pool of one is the embedded PGlite
   * (decision 0002), whose socket does not survive a named statement whose execution fails (a
   * key collision): there the statement is sent unnamed.
   */
  private readonly named: boolean;
  /** Filings on their own (no caller's transaction) are gathered into batches. */
  private readonly batches: GroupCommit<Filing, FilingOutcome>;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    const poolSize = (db.options as { poolSize?: number }).poolSize ?? 10;
    this.named = poolSize > 1;
    this.batches = new GroupCommit<Filing, FilingOutcome>({
      maxBatch: MAX_BATCH,
      maxInFlight: Math.max(1, Math.min(MAX_IN_FLIGHT, poolSize - 1)),
      // One address per statement: its cap on pending mails is counted from what is committed.
      conflictKey: (filing) => filing.reporterEmail,
      runBatch: (filings) => this.fileBatch(filings),
      runOne: (filing) => this.fileRows([filing]).then(([outcome]) => outcome!),
    });
  }

  /** Filings sent so far and the statements that carried them (the batching's effect). */
  get batchStats(): Readonly<{ batches: number; items: number; fallbacks: number }> {
    return this.batches.stats;
  }

  /**
   * Files a report: with `manager`, inside the caller's transaction; without, in its own — a
   * statement it may share with other filings arriving at the same time (group commit), each
   * keeping its own outcome and errors.
   */
  file(filing: Filing, manager?: EntityManager): Promise<FilingOutcome> {
    return manager ? this.fileRows([filing], manager).then(([outcome]) => outcome!) : this.batches.submit(filing);
  }

  /** A batch, sorted by address so that concurrent batches take the addresses' locks in one order. */
  private async fileBatch(filings: readonly Filing[]): Promise<FilingOutcome[]> {
    const order = filings.map((_, index) => index).sort((a, b) => compare(filings[a]!.reporterEmail, filings[b]!.reporterEmail));
    const outcomes = await this.fileRows(order.map((index) => filings[index]!));
    const answer = new Array<FilingOutcome>(filings.length);
    order.forEach((index, position) => (answer[index] = outcomes[position]!));
    return answer;
  }

  /** One statement for these filings; their outcomes in the same order. */
  private async fileRows(filings: readonly Filing[], manager?: EntityManager): Promise<FilingOutcome[]> {
    const values = [JSON.stringify(filings.map(record))];
    let rows: FilingRow[];
    try {
      if (manager) rows = await manager.query<FilingRow[]>(FILE_REPORTS_SQL, values);
      else if (this.named) rows = await preparedQuery<FilingRow>(this.db, FILE_REPORTS_SQL, values);
      else rows = await this.db.query<FilingRow[]>(FILE_REPORTS_SQL, values);
    } catch (error) {
      const { code, constraint } = pgErrorOf(error);
      if (code === UNIQUE_VIOLATION && constraint === IDEMPOTENCY_KEY_CONSTRAINT) throw new IdempotencyKeyTaken();
      throw error;
    }
    const byOrd = new Map(rows.map((row) => [row.ord, row]));
    return filings.map((_, ord) => outcomeOf(byOrd.get(ord)));
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function outcomeOf(row: FilingRow | undefined): FilingOutcome {
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

/** One filing as the statement's JSON record (`ord` is added by position). */
function record(f: Filing, ord: number): Record<string, unknown> {
  return {
    ord,
    title: f.title,
    description: f.description,
    category_code: f.categoryCode,
    lon: f.lon,
    lat: f.lat,
    address: f.address,
    screening_hold: f.screeningHold,
    reporter_name: f.reporterName,
    reporter_email: f.reporterEmail,
    reporter_phone: f.reporterPhone,
    show_name: f.reporterShowName,
    source: f.source,
    user_id: f.reporterUserId,
    reporter_locale: f.reporterLocale,
    token_hash: f.confirmation?.tokenHash ?? null,
    ttl_hours: f.confirmation?.ttlHours ?? 0,
    key_scope: f.idempotency?.scope ?? null,
    key: f.idempotency?.key ?? null,
    request_hash: f.idempotency?.requestHash ?? null,
    key_mode: f.idempotency?.mode ?? null,
    consent_channel: f.consent.channel,
    notice_locale: f.consent.noticeLocale,
    notice_version: f.consent.noticeVersion,
    mail_payload: f.mail?.payload ?? null,
    cap: f.mail?.cap ?? 0,
    mail_channel: f.mail?.channel ?? null,
    mail_at: f.mail?.now ?? null,
    mail_priority: f.mail?.priority ?? 0,
    with_event: f.withTimelineEntry,
    locale: f.locale,
  };
}
