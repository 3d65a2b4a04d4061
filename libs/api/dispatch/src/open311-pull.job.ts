import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@plaza/api/audit';
import { CaseEventsService, CaseWritesRepository } from '@plaza/api/cases';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { OutboxClock } from '@plaza/api/outbox';
import { SchedulerService } from '@plaza/api/scheduler';
import { DataSource } from 'typeorm';
import { DispatchRepository, type ExternalSystem, type PendingPull } from './dispatch.repository';
import { plazaMoveFor } from './external-status';
import { getStatuses, resolveToken, type GeoReportStatus } from './georeport-client';

/** Every five minutes: fresh enough for a citizen following a case, light on the external systems. */
export const PULL_INTERVAL_MS = 5 * 60_000;
/** Closed external requests are still pulled this long after their last change (late notes, reopenings). */
export const KEEP_CLOSED_DAYS = 30;
const IDS_PER_REQUEST = 50;
const REQUESTS_PER_ROUND = 500;

export interface PullRound {
  pulled: number;
  applied: number;
  failedSystems: number;
}

/**
 * Brings the state of requests filed on departments' external Open311 systems back into Plaza:
 * resolves tokens into request ids, reads each open request's status and status notes, and moves
 * the case through the console's own case writes (so the timeline, its listeners — notifications —
 * and the live stream see it like any staff move). An unreachable system is skipped until the
 * next round: its state stays on its side, so nothing is lost by pulling later.
 */
@Injectable()
export class Open311PullJob implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Open311Pull');
  private running: Promise<PullRound> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly dispatches: DispatchRepository,
    private readonly writes: CaseWritesRepository,
    private readonly caseEvents: CaseEventsService,
    private readonly audit: AuditService,
    private readonly clock: OutboxClock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'outbox'>,
    private readonly scheduler: SchedulerService,
  ) {}

  // Runs where the outbox worker runs (OUTBOX_WORKER): the processes that talk to the outside.
  // The scheduler skips a round while the previous one runs, and runs each round on one replica.
  onModuleInit(): void {
    if (!this.config.outbox.worker) return;
    this.scheduler.register({ name: 'open311-pull', schedule: { everyMs: PULL_INTERVAL_MS }, run: () => this.runOnce() });
  }

  async onModuleDestroy(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One round over every department sending by Open311. Rounds never overlap. */
  async runOnce(): Promise<PullRound> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.round();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async round(): Promise<PullRound> {
    const result: PullRound = { pulled: 0, applied: 0, failedSystems: 0 };
    for (const system of await this.dispatches.systemsToPull()) {
      try {
        const outcome = await this.pullSystem(system);
        result.pulled += outcome.pulled;
        result.applied += outcome.applied;
      } catch (error) {
        result.failedSystems += 1;
        this.logger.warn(`Open311 pull from ${system.endpoint} failed, retrying next round: ${(error as Error).message}`);
      }
    }
    return result;
  }

  private async pullSystem(system: ExternalSystem): Promise<{ pulled: number; applied: number }> {
    const pending = await this.dispatches.pendingPulls(system.departmentId, this.clock.now(), KEEP_CLOSED_DAYS, REQUESTS_PER_ROUND);
    for (const p of pending) {
      if (p.externalId || !p.externalToken) continue;
      const id = await resolveToken(system.endpoint, system.jurisdictionId, p.externalToken);
      if (id) {
        await this.dispatches.recordResolvedToken(p.dispatchId, id);
        p.externalId = id;
      }
    }
    const withIds = pending.filter((p) => p.externalId);
    let applied = 0;
    for (let start = 0; start < withIds.length; start += IDS_PER_REQUEST) {
      const chunk = withIds.slice(start, start + IDS_PER_REQUEST);
      const statuses = await getStatuses(system.endpoint, system.jurisdictionId, chunk.map((p) => p.externalId as string));
      const byId = new Map(statuses.map((s) => [s.serviceRequestId, s]));
      const missing: string[] = [];
      for (const p of chunk) {
        const pulled = byId.get(p.externalId as string);
        if (!pulled) missing.push(p.dispatchId);
        else if (await this.apply(p.dispatchId, system, pulled)) applied += 1;
      }
      await this.dispatches.markPulled(missing, this.clock.now());
    }
    return { pulled: withIds.length, applied };
  }

  /** Applies one pulled state in one transaction; true when the case changed. */
  private async apply(dispatchId: string, system: ExternalSystem, pulled: GeoReportStatus): Promise<boolean> {
    const change = await this.db.transaction(async (manager) => {
      const stored: PendingPull | null = await this.dispatches.lockPull(manager, dispatchId);
      if (!stored) return null;
      // Two replicas may pull the same request: one that fetched before the external change must
      // not undo what the other, fresher one already applied (it would reopen a closed case).
      if (olderThan(pulled.updatedDatetime, stored.externalUpdatedAt ?? null)) return null;
      const ref = await this.dispatches.reportRef(manager, stored.reportId);
      const current = await this.writes.lock(manager, ref);
      if (!current) return null;
      const externalChanged = pulled.status !== stored.externalStatus || pulled.statusNotes !== stored.externalStatusNotes;
      const move = plazaMoveFor(
        current.status,
        { status: stored.externalStatus, statusNotes: stored.externalStatusNotes },
        { status: pulled.status, statusNotes: pulled.statusNotes },
      );
      await this.dispatches.recordPulled(manager, dispatchId, pulled, externalChanged, this.clock.now());
      if (move.kind === 'none') return null;
      const from = current.status;
      const to = move.kind === 'transition' ? move.to : from;
      if (to !== from) await this.writes.setStatus(manager, current.id, to);
      // A public entry in the department's name: it is the department answering, through its own system.
      await this.writes.insertEvent(manager, {
        reportId: current.id,
        actorId: null,
        from,
        to,
        message: move.message,
        isPublic: true,
        departmentId: system.departmentId,
      });
      await this.audit.record(manager, {
        actor: null,
        action: 'case.external_update',
        entityType: 'report',
        entityId: ref,
        before: { status: from },
        after: { status: to, externalId: pulled.serviceRequestId, externalStatus: pulled.status, statusNotes: pulled.statusNotes },
      });
      const at = await this.writes.touch(manager, current.id);
      return { ref, at, status: to, departmentId: current.departmentId };
    });
    if (!change) return false;
    this.caseEvents.publish({ id: '', at: change.at, kind: 'changed', ref: change.ref, departmentId: change.departmentId, status: change.status });
    return true;
  }
}

/** True when both times are known and the pulled one is strictly older than the one applied. */
function olderThan(pulled: string | null, applied: string | null): boolean {
  if (!pulled || !applied) return false;
  const a = Date.parse(pulled);
  const b = Date.parse(applied);
  return Number.isFinite(a) && Number.isFinite(b) && a < b;
}
