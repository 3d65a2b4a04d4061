import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportStatus, SendMethod } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { DispatchCase } from './department-mail';
import type { GeoReportCreated } from './georeport-client';

/** Where a case stands for dispatch: its status and the department it is routed to. */
export interface RoutingTarget {
  status: ReportStatus;
  departmentId: string;
  sendMethod: SendMethod;
  contactEmail: string;
}

/** A department's external Open311 system, secret included: read only to talk to that system. */
export interface ExternalSystem {
  departmentId: string;
  endpoint: string;
  apiKey: string;
  jurisdictionId: string | null;
  serviceCodes: Record<string, string>;
  sendReporter: boolean;
}

export interface PendingPull {
  dispatchId: string;
  reportId: string;
  externalId: string | null;
  externalToken: string | null;
  externalStatus: 'open' | 'closed' | null;
  externalStatusNotes: string | null;
  /** The external system's own `updated_datetime` of the state last applied, when it sends one. */
  externalUpdatedAt?: string | null;
}

// Names in every language the data holds, and the department's mail language (departments.locale).
const DISPATCH_CASE_COLUMNS = `
  r.id::text AS "reportId", r.ref, r.title, r.description, c.code AS "categoryCode",
  c.name AS "categoryName", r.address, ST_Y(r.location) AS lat, ST_X(r.location) AS lon,
  r.reporter_name AS "reporterName", nullif(r.reporter_email, '') AS "reporterEmail", r.reporter_phone AS "reporterPhone",
  coalesce((SELECT array_agg($2::text || p.storage_key ORDER BY p.position) FROM report_photos p
             WHERE p.report_id = r.id AND p.state = 'ready' AND NOT p.hidden), '{}') AS "photoUrls",
  d.id AS "departmentId", d.name AS "departmentName", d.locale`;

const EXTERNAL_COLUMNS = `
  d.id AS "departmentId", d.open311_endpoint AS endpoint, d.open311_api_key AS "apiKey",
  d.open311_jurisdiction_id AS "jurisdictionId", d.open311_service_codes AS "serviceCodes",
  d.open311_send_reporter AS "sendReporter"`;

/** A queued dispatch joined to its case and its department's external system. */
type DeliveryRow = DispatchCase & {
  externalId: string | null;
  externalToken: string | null;
  sendMethod: SendMethod;
  departmentId: string;
  endpoint: string | null;
  apiKey: string | null;
  jurisdictionId: string | null;
  serviceCodes: Record<string, string> | null;
  sendReporter: boolean;
};

@Injectable()
export class DispatchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async routingTarget(manager: EntityManager, reportId: string): Promise<RoutingTarget | null> {
    const [row] = await manager.query<RoutingTarget[]>(
      `SELECT r.status, d.id AS "departmentId", d.send_method AS "sendMethod", d.contact_email AS "contactEmail"
         FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE r.id = $1`,
      [reportId],
    );
    return row ?? null;
  }

  /** Records that the case goes to the department; null when it already went there. */
  async claim(manager: EntityManager, reportId: string, departmentId: string, method: SendMethod): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query<Array<{ id: string }>>(
      `INSERT INTO report_dispatches (report_id, department_id, method) VALUES ($1, $2, $3)
       ON CONFLICT (report_id, department_id) DO NOTHING RETURNING id`,
      [reportId, departmentId, method],
    );
    return rows[0]?.id ?? null;
  }

  async dispatchCase(manager: EntityManager, reportId: string, departmentId: string, mediaBase: string): Promise<DispatchCase> {
    const [row] = await manager.query<DispatchCase[]>(
      `SELECT ${DISPATCH_CASE_COLUMNS}
         FROM reports r JOIN categories c ON c.id = r.category_id, departments d
        WHERE r.id = $1 AND d.id = $3`,
      [reportId, mediaBase, departmentId],
    );
    return row;
  }

  /** The case and the external system a queued Open311 dispatch is for; null if either is gone. */
  async forDelivery(
    dispatchId: string,
    mediaBase: string,
  ): Promise<{ dispatch: { externalId: string | null; externalToken: string | null }; system: ExternalSystem | null; case: DispatchCase } | null> {
    const [row] = await this.db.query<DeliveryRow[]>(
      `SELECT x.external_id AS "externalId", x.external_token AS "externalToken",
              d.send_method AS "sendMethod", ${EXTERNAL_COLUMNS}, ${DISPATCH_CASE_COLUMNS}
         FROM report_dispatches x
         JOIN reports r ON r.id = x.report_id
         JOIN categories c ON c.id = r.category_id
         JOIN departments d ON d.id = x.department_id
        WHERE x.id = $1`,
      [dispatchId, mediaBase],
    );
    if (!row) return null;
    const system: ExternalSystem | null =
      row.sendMethod === 'open311' && row.endpoint && row.apiKey
        ? {
            departmentId: row.departmentId,
            endpoint: row.endpoint,
            apiKey: row.apiKey,
            jurisdictionId: row.jurisdictionId,
            serviceCodes: row.serviceCodes ?? {},
            sendReporter: row.sendReporter,
          }
        : null;
    return { dispatch: { externalId: row.externalId, externalToken: row.externalToken }, system, case: row };
  }

  async recordCreated(dispatchId: string, endpoint: string, created: GeoReportCreated, at: Date): Promise<void> {
    await this.db.query<unknown[]>(
      `UPDATE report_dispatches
          SET external_system = $2, external_id = $3, external_token = $4, sent_at = $5
        WHERE id = $1`,
      [dispatchId, endpoint, 'serviceRequestId' in created ? created.serviceRequestId : null, 'token' in created ? created.token : null, at],
    );
  }

  async recordResolvedToken(dispatchId: string, externalId: string): Promise<void> {
    await this.db.query<unknown[]>(`UPDATE report_dispatches SET external_id = $2 WHERE id = $1`, [dispatchId, externalId]);
  }

  /** Departments sending by Open311 that have requests to pull. */
  async systemsToPull(): Promise<ExternalSystem[]> {
    return this.db.query<ExternalSystem[]>(
      `SELECT ${EXTERNAL_COLUMNS} FROM departments d
        WHERE d.send_method = 'open311' AND d.open311_endpoint IS NOT NULL
          AND EXISTS (SELECT 1 FROM report_dispatches x WHERE x.department_id = d.id AND x.method = 'open311'
                        AND (x.external_id IS NOT NULL OR x.external_token IS NOT NULL))
        ORDER BY d.code`,
    );
  }

  /**
   * Requests of one department worth pulling, least recently pulled first: those still open on
   * the external side, and closed ones for a while (a request can be reopened or annotated late).
   */
  async pendingPulls(departmentId: string, now: Date, keepClosedDays: number, limit: number): Promise<PendingPull[]> {
    return this.db.query<PendingPull[]>(
      `SELECT x.id AS "dispatchId", x.report_id::text AS "reportId", x.external_id AS "externalId",
              x.external_token AS "externalToken", x.external_status AS "externalStatus",
              x.external_status_notes AS "externalStatusNotes"
         FROM report_dispatches x
        WHERE x.department_id = $1 AND x.method = 'open311'
          AND (x.external_id IS NOT NULL OR x.external_token IS NOT NULL)
          AND (x.external_status IS DISTINCT FROM 'closed' OR x.external_changed_at > $2::timestamptz - make_interval(days => $3))
        ORDER BY x.last_pulled_at NULLS FIRST, x.created_at
        LIMIT $4`,
      [departmentId, now, keepClosedDays, limit],
    );
  }

  /** Locks a dispatch row for the transaction that applies its pulled state. */
  async lockPull(manager: EntityManager, dispatchId: string): Promise<PendingPull | null> {
    const [row] = await manager.query<PendingPull[]>(
      `SELECT x.id AS "dispatchId", x.report_id::text AS "reportId", x.external_id AS "externalId",
              x.external_token AS "externalToken", x.external_status AS "externalStatus",
              x.external_status_notes AS "externalStatusNotes", x.external_updated_at AS "externalUpdatedAt"
         FROM report_dispatches x WHERE x.id = $1 FOR UPDATE`,
      [dispatchId],
    );
    return row ?? null;
  }

  async recordPulled(
    manager: EntityManager,
    dispatchId: string,
    pulled: { status: 'open' | 'closed'; statusNotes: string | null; updatedDatetime: string | null } | null,
    changed: boolean,
    at: Date,
  ): Promise<void> {
    if (!pulled) {
      await manager.query<unknown[]>(`UPDATE report_dispatches SET last_pulled_at = $2 WHERE id = $1`, [dispatchId, at]);
      return;
    }
    await manager.query<unknown[]>(
      `UPDATE report_dispatches
          SET external_status = $2, external_status_notes = $3, external_updated_at = $4, last_pulled_at = $5,
              external_changed_at = CASE WHEN $6 THEN $5 ELSE external_changed_at END
        WHERE id = $1`,
      [dispatchId, pulled.status, pulled.statusNotes, pulled.updatedDatetime, at, changed],
    );
  }

  async markPulled(dispatchIds: string[], at: Date): Promise<void> {
    if (!dispatchIds.length) return;
    await this.db.query<unknown[]>(`UPDATE report_dispatches SET last_pulled_at = $2 WHERE id = ANY($1::uuid[])`, [dispatchIds, at]);
  }

  // Read-only lookups of names other libraries own (reports, departments), for the outbox payload.
  async reportRef(manager: EntityManager, reportId: string): Promise<string> {
    const [row] = await manager.query<{ ref: string }[]>(`SELECT ref FROM reports WHERE id = $1`, [reportId]);
    return row!.ref;
  }

  async refAndDepartmentCode(
    manager: EntityManager,
    reportId: string,
    departmentId: string,
  ): Promise<{ ref: string; code: string }> {
    const [row] = await manager.query<{ ref: string; code: string }[]>(
      `SELECT r.ref, d.code FROM reports r, departments d WHERE r.id = $1 AND d.id = $2`,
      [reportId, departmentId],
    );
    return row!;
  }
}
