import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, subjectOfReport } from '@plaza/api/audit';
import type { AuthUser } from '@plaza/api/auth';
import { serverText } from '@plaza/api/i18n';
import { canTransition, pickText, type CaseMoveResult, type Locale, type LocalizedText, type ReportStatus } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanSee, canSeeCase } from './case-access';
import { CaseEventsService } from './case-events.service';
import { CaseViewService } from './case-view.service';
import { CaseWritesRepository, type LockedCase } from './case-writes.repository';
import { CaseErrors } from './cases.errors';

export type MoveOutcome = CaseMoveResult['outcome'];

/** The private timeline note of a hand-over: "Asignada a Alumbrado Público." in the writer's language. */
export function assignedNote(department: LocalizedText | null, locale: Locale): string {
  return department ? serverText(locale, 'caseTimeline.assignedTo', { department: pickText(department, locale) }) : serverText(locale, 'caseTimeline.assignedToOther');
}

/** What a move can do to its locked case, inside the move's transaction. */
export class CaseMove {
  constructor(
    readonly manager: EntityManager,
    readonly current: LockedCase,
    readonly user: AuthUser,
    private readonly writes: CaseWritesRepository,
    private readonly auditService: AuditService,
  ) {}

  /** Moves through the report state machine, recording who, when, from, to and the public message. */
  async transition(
    to: ReportStatus,
    event: { message?: string | null; isPublic?: boolean; approvedBy?: string | null; departmentId?: string | null; actorId?: string } = {},
  ): Promise<string> {
    const from = this.current.status;
    if (!canTransition(from, to)) throw CaseErrors.invalidTransition(from, to);
    await this.writes.setStatus(this.manager, this.current.id, to);
    this.current.status = to;
    return this.event(event, from, to);
  }

  /** A timeline entry that keeps the status (a reply, a private remark). */
  note(event: { message: string; isPublic: boolean; approvedBy?: string | null; departmentId?: string | null; actorId?: string }): Promise<string> {
    return this.event(event, this.current.status, this.current.status);
  }

  /**
   * `personal`: the entry holds the reporter's own data (their original text): it is sealed under
   * the report's key and erased with the reporter's data (docs/decisions/0007-audit-log-and-erasure.md).
   */
  async audit(action: string, before: unknown, after: unknown, personal = false): Promise<void> {
    await this.auditService.record(this.manager, {
      actor: { id: this.user.id, email: this.user.email },
      action,
      entityType: 'report',
      entityId: this.current.ref,
      before,
      after,
      ...(personal ? { personalDataOf: subjectOfReport(this.current.ref) } : {}),
    });
  }

  private event(
    e: { message?: string | null; isPublic?: boolean; approvedBy?: string | null; departmentId?: string | null; actorId?: string },
    from: ReportStatus,
    to: ReportStatus,
  ): Promise<string> {
    return this.writes.insertEvent(this.manager, {
      reportId: this.current.id,
      actorId: e.actorId ?? this.user.id,
      from,
      to,
      message: e.message ?? null,
      isPublic: e.isPublic ?? true,
      approvedBy: e.approvedBy ?? null,
      departmentId: e.departmentId ?? null,
    });
  }
}

/**
 * Runs one staff move on one case: locks the case, checks the caller may see it, applies the
 * move (which writes its own audit entry), marks the case changed — all in one transaction —
 * then announces the change on the live stream and answers the fresh case view.
 */
@Injectable()
export class CaseMoveRunner {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writes: CaseWritesRepository,
    private readonly audit: AuditService,
    private readonly events: CaseEventsService,
    private readonly view: CaseViewService,
  ) {}

  async run(
    user: AuthUser,
    ref: string,
    locale: Locale,
    apply: (move: CaseMove) => Promise<MoveOutcome | void>,
  ): Promise<CaseMoveResult> {
    const done = await this.db.transaction(async (manager) => {
      const current = await this.writes.lock(manager, ref);
      if (!current) throw CaseErrors.notFound(ref);
      assertCanSee(user, current.departmentId);
      const departmentBefore = current.departmentId;
      const outcome = (await apply(new CaseMove(manager, current, user, this.writes, this.audit))) ?? 'applied';
      if (current.departmentId && current.departmentId !== departmentBefore) {
        // A private timeline entry for every hand-over: staff see who moved it, and the timeline
        // listeners (dispatch to the new department) hear of it like of any other change.
        const department = await this.writes.activeDepartment(manager, current.departmentId);
        await this.writes.insertEvent(manager, {
          reportId: current.id,
          actorId: user.id,
          from: current.status,
          to: current.status,
          // The department's name, not its code: staff read "Asignada a Alumbrado Público" (issue 16 item 11).
          // Written once, in the language the staff member who moved it works in, like their own notes.
          message: assignedNote(department?.name ?? null, locale),
          isPublic: false,
        });
      }
      const at = await this.writes.touch(manager, current.id);
      return { outcome, at, current };
    });
    this.events.publish({
      id: '',
      at: done.at,
      kind: 'changed',
      ref,
      departmentId: done.current.departmentId,
      status: done.current.status,
    });
    return { outcome: done.outcome, case: await this.caseAfter(user, ref, locale, done.current.departmentId) };
  }

  /** The case view after a move; the department that just handed a case on may no longer see it. */
  private async caseAfter(user: AuthUser, ref: string, locale: Locale, departmentId: string | null) {
    if (!canSeeCase(user, departmentId)) throw CaseErrors.forbidden('The case now belongs to another department.');
    return this.view.detail(user, ref, locale);
  }
}
