import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthErrors, type AuthUser } from '@plaza/api/auth';
import { canTransition, type CaseMoveResult, type FilledTemplate, type Locale, type ReportStatus } from '@plaza/shared/contracts';
import { fillTemplate } from '@plaza/shared/moderation';
import { DataSource } from 'typeorm';
import { actingDepartment, assertCanModerate, assertCanSee, awaitsModeration, canModerate, publishesDirectly } from './case-access';
import { CaseMoveRunner, type CaseMove, type MoveOutcome } from './case-move-runner';
import { CaseWritesRepository } from './case-writes.repository';
import { CaseErrors, requireUuid } from './cases.errors';
import type { ApproveDraftDto, InternalNoteDto, PublicReplyDto, ReasonDto, ResolveDto, ScheduleDto, StatusMoveDto } from './dto/moves.dto';
import { CasesRepository } from './cases.repository';
import { assertPublishable } from './public-text-screening';
import { ReplyText } from './reply-text';

type ScreenedReplyInput = Pick<PublicReplyDto, 'override' | 'language'>;

/**
 * Moves of everyone who works a case: public replies (mediated when a department is not trusted
 * to publish), internal notes, the department's progress moves, referrals back to the community
 * managers, and the approval of departments' drafts.
 */
@Injectable()
export class CaseWorkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runner: CaseMoveRunner,
    private readonly writes: CaseWritesRepository,
    private readonly cases: CasesRepository,
    private readonly replies: ReplyText,
  ) {}

  reply(user: AuthUser, ref: string, input: PublicReplyDto, locale: Locale): Promise<CaseMoveResult> {
    return this.runner.run(user, ref, locale, async (move) => {
      this.assertWorks(move);
      const { text, templateId } = await this.replies.replyText(move.manager, input, move.current.id, move.current.categoryId);
      return this.speak(move, text, templateId, input.status ?? null, 'case.reply', input);
    });
  }

  resolve(user: AuthUser, ref: string, input: ResolveDto, locale: Locale): Promise<CaseMoveResult> {
    return this.runner.run(user, ref, locale, async (move) => {
      this.assertWorks(move);
      const { text, templateId } = await this.replies.replyText(move.manager, input, move.current.id, move.current.categoryId);
      return this.speak(move, text, templateId, input.status, 'case.resolve', input);
    });
  }

  acknowledge(user: AuthUser, ref: string, input: StatusMoveDto, locale: Locale): Promise<CaseMoveResult> {
    return this.progress(user, ref, 'investigating', 'case.acknowledge', input, locale);
  }

  start(user: AuthUser, ref: string, input: StatusMoveDto, locale: Locale): Promise<CaseMoveResult> {
    return this.progress(user, ref, 'in_progress', 'case.start', input, locale);
  }

  schedule(user: AuthUser, ref: string, input: ScheduleDto, locale: Locale): Promise<CaseMoveResult> {
    return this.progress(user, ref, 'action_scheduled', 'case.schedule', input, locale, input.scheduledFor ?? null);
  }

  note(user: AuthUser, ref: string, input: InternalNoteDto, locale: Locale): Promise<CaseMoveResult> {
    if (input.visibility === 'community_managers' && !canModerate(user)) {
      throw CaseErrors.field('visibility', 'not_allowed', 'Department staff write notes the departments can read.');
    }
    return this.runner.run(user, ref, locale, async (move) => {
      const id = await this.writes.insertNote(move.manager, {
        reportId: move.current.id,
        authorId: user.id,
        body: input.body.trim(),
        visibility: input.visibility,
      });
      await move.audit('case.note', null, { noteId: id, visibility: input.visibility, body: input.body.trim() });
    });
  }

  referBack(user: AuthUser, ref: string, input: ReasonDto, locale: Locale): Promise<CaseMoveResult> {
    return this.runner.run(user, ref, locale, async (move) => {
      this.assertWorks(move);
      const departmentId = move.current.departmentId;
      await this.writes.referBack(move.manager, move.current.id, { reason: input.reason.trim(), by: user.id, departmentId });
      await move.note({ message: input.reason.trim(), isPublic: false, departmentId });
      await move.audit('case.refer_back', { referredAt: move.current.referredAt }, { reason: input.reason.trim(), departmentId });
    });
  }

  approveDraft(user: AuthUser, ref: string, rawDraftId: string, input: ApproveDraftDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    const draftId = requireUuid(rawDraftId, CaseErrors.draftNotFound);
    return this.runner.run(user, ref, locale, async (move) => {
      const draft = await this.writes.lockDraft(move.manager, move.current.id, draftId);
      if (!draft) throw CaseErrors.draftNotFound();
      if (draft.state !== 'pending') throw CaseErrors.draftDecided();
      const body = input.body?.trim() ?? draft.body;
      await assertPublishable(move, { field: 'body', text: body, style: true, language: input.language, override: input.override });
      // Published in the department's name as its author wrote it, with the approver on record.
      const event = { message: body, actorId: draft.authorId, approvedBy: user.id, departmentId: draft.departmentId };
      const eventId = draft.proposedStatus ? await move.transition(draft.proposedStatus, event) : await move.note({ ...event, isPublic: true });
      await this.writes.decideDraft(move.manager, draftId, { state: 'approved', by: user.id, body, eventId });
      await move.audit(
        'case.draft_approve',
        { draftId, body: draft.body },
        { draftId, body, status: move.current.status },
      );
    });
  }

  rejectDraft(user: AuthUser, ref: string, rawDraftId: string, input: ReasonDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    const draftId = requireUuid(rawDraftId, CaseErrors.draftNotFound);
    return this.runner.run(user, ref, locale, async (move) => {
      const draft = await this.writes.lockDraft(move.manager, move.current.id, draftId);
      if (!draft) throw CaseErrors.draftNotFound();
      if (draft.state !== 'pending') throw CaseErrors.draftDecided();
      await this.writes.decideDraft(move.manager, draftId, { state: 'rejected', by: user.id, reason: input.reason.trim() });
      await move.audit('case.draft_reject', { draftId }, { draftId, reason: input.reason.trim() });
    });
  }

  /** A template filled for this case, for the console to show and let staff edit before sending. */
  async templateFill(user: AuthUser, ref: string, rawTemplateId: unknown): Promise<FilledTemplate> {
    if (typeof rawTemplateId !== 'string') throw CaseErrors.field('templateId', 'required', 'templateId is required');
    const templateId = requireUuid(rawTemplateId, CaseErrors.templateNotFound);
    const row = await this.cases.keys(ref);
    if (!row) throw CaseErrors.notFound(ref);
    assertCanSee(user, row.departmentId);
    const template = await this.replies.findTemplate(this.db.manager, templateId, row.categoryId);
    const filled = fillTemplate(template.body, await this.replies.placeholderValues(this.db.manager, row.id, template.locale));
    return { templateId: template.id, locale: template.locale, body: filled.text, styleNotes: template.styleNotes };
  }

  private progress(
    user: AuthUser,
    ref: string,
    to: ReportStatus,
    action: string,
    input: StatusMoveDto,
    locale: Locale,
    scheduledFor: string | null = null,
  ): Promise<CaseMoveResult> {
    return this.runner.run(user, ref, locale, async (move) => {
      this.assertWorks(move);
      const from = move.current.status;
      const direct = publishesDirectly(user, move.current.departmentTrusted);
      const message = input.message?.trim() ?? null;
      const departmentId = actingDepartment(user, move.current.departmentId);
      // A progress note is short by nature: personal data is refused, the reply style guide does not apply.
      if (message && direct) await assertPublishable(move, { field: 'message', text: message, style: false, override: input.override });
      await move.transition(to, { message: direct ? message : null, departmentId });
      if (scheduledFor) await this.writes.setScheduledFor(move.manager, move.current.id, scheduledFor);
      let outcome: MoveOutcome = 'applied';
      if (message && !direct) {
        await this.writes.insertDraft(move.manager, {
          reportId: move.current.id,
          authorId: user.id,
          departmentId,
          body: message,
          proposedStatus: null,
          templateId: null,
        });
        outcome = 'sent_for_approval';
      }
      await move.audit(action, { status: from }, { status: to, message, scheduledFor, outcome });
      return outcome;
    });
  }

  /**
   * A public message: published at once by CMs and trusted departments (with the status move, if
   * any), otherwise kept as a draft that carries the status move to the CM's approval.
   */
  private async speak(
    move: CaseMove,
    text: string,
    templateId: string | null,
    status: ReportStatus | null,
    action: string,
    screen: ScreenedReplyInput,
  ): Promise<MoveOutcome> {
    const { user, current } = move;
    const departmentId = actingDepartment(user, current.departmentId);
    const from = current.status;
    const direct = publishesDirectly(user, current.departmentTrusted);
    if (status && status !== from && !canTransition(from, status)) throw CaseErrors.invalidTransition(from, status);
    if (direct) {
      // Published now, so checked now; a draft is checked when a community manager approves it.
      await assertPublishable(move, { field: 'body', text, style: true, language: screen.language, override: screen.override });
      if (status && status !== from) await move.transition(status, { message: text, departmentId });
      else await move.note({ message: text, isPublic: true, departmentId });
      await move.audit(action, { status: from }, { status: current.status, message: text, templateId });
      return 'applied';
    }
    const draftId = await this.writes.insertDraft(move.manager, {
      reportId: current.id,
      authorId: user.id,
      departmentId,
      body: text,
      proposedStatus: status && status !== from ? status : null,
      templateId,
    });
    await move.audit(`${action}_draft`, null, { draftId, body: text, proposedStatus: status, templateId });
    return 'sent_for_approval';
  }

  /** Department moves are for the case's own department (and the city-wide roles). */
  private assertWorks(move: CaseMove): void {
    if (canModerate(move.user)) return;
    if (actingDepartment(move.user, move.current.departmentId) === null) throw AuthErrors.forbidden();
    if (awaitsModeration(move.current.status)) throw CaseErrors.awaitingModeration();
  }
}
