import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@plaza/api/audit';
import type { AuthUser } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { MAILER, type Mailer } from '@plaza/api/mail';
import type {
  BlockedUserView,
  FlagCount,
  BlockView,
  FlagReason,
  FlagResult,
  FlagTargetType,
  FlaggedTarget,
  ModerationDecisionView,
} from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import {
  BlocksRepository,
  DiscussionErrors,
  isUuid,
  NotificationInboxRepository,
  TargetsRepository,
  toDecisionView,
  type DecisionRow,
  type FlagTarget,
} from '@plaza/api/participation-data';
import { ReportRecordsRepository } from '@plaza/api/report-records';
import { ContentVisibility } from './content-visibility.service';
import { hiddenMail } from './moderation-mails';
import { ModerationRepository } from './moderation.repository';

@Injectable()
export class ModerationService {
  constructor(
    private readonly moderation: ModerationRepository,
    private readonly targets: TargetsRepository,
    private readonly content: ContentVisibility,
    private readonly blocked: BlocksRepository,
    private readonly inbox: NotificationInboxRepository,
    private readonly reports: ReportRecordsRepository,
    private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One flag per user per target; the Nth distinct flagger hides the content until a moderator reviews it. */
  flag(user: AuthUser, type: FlagTargetType, publicId: string, reason: FlagReason, details: string | null): Promise<FlagResult> {
    return this.moderation.transaction(async (manager) => {
      const target = await this.targets.flagTarget(manager, type, publicId);
      if (!target) throw DiscussionErrors.targetNotFound(type, publicId);
      if (!target.visible) throw DiscussionErrors.alreadyHidden();
      if (!(await this.moderation.addFlag(manager, { type, id: target.id, userId: user.id, reason, details }))) {
        throw DiscussionErrors.alreadyFlagged();
      }
      const flaggers = await this.moderation.openFlaggers(manager, type, target.id);
      const live = await this.moderation.liveDecision(manager, type, target.id);
      if (flaggers < this.config.participation.flagHideThreshold || live) return { flagged: true, hiddenProvisionally: false };
      await this.hide(manager, target, 'provisional', 'pending_review', null, null);
      return { flagged: true, hiddenProvisionally: true };
    });
  }

  queue(open: boolean): Promise<FlaggedTarget[]> {
    return this.moderation.queue(open);
  }

  /** The moderator hides the content (confirming a provisional hide, or on their own initiative). */
  hideByModerator(user: AuthUser, type: FlagTargetType, publicId: string, reason: FlagReason, note: string | null): Promise<ModerationDecisionView> {
    return this.moderation.transaction(async (manager) => {
      const target = await this.flagTargetOrFail(manager, type, publicId);
      const live = await this.moderation.liveDecision(manager, type, target.id);
      let decisionId: string;
      if (live) {
        await this.moderation.confirmDecision(manager, live.id, reason, note, user.id);
        await this.content.confirmHidden(manager, type, target.id, reason);
        decisionId = live.id;
        if (target.authorId) await this.tellAuthor(manager, target, decisionId, reason, false);
      } else {
        decisionId = await this.hide(manager, target, 'hidden', reason, note, user.id);
      }
      const resolved = await this.moderation.resolveFlags(manager, type, target.id, 'hidden');
      await this.audit.record(manager, {
        actor: user,
        action: 'moderation.hide',
        entityType: type,
        entityId: publicId,
        before: { decision: live ? live.kind : null },
        after: { reason, note, flagsResolved: resolved, decisionId },
      });
      return toDecisionView((await this.moderation.decision(manager, decisionId)) as DecisionRow, publicId);
    });
  }

  /** The moderator finds nothing wrong: flags close, and a provisional hide is lifted. */
  dismiss(user: AuthUser, type: FlagTargetType, publicId: string): Promise<FlaggedTarget> {
    return this.moderation.transaction(async (manager) => {
      const target = await this.flagTargetOrFail(manager, type, publicId);
      const resolved = await this.moderation.resolveFlags(manager, type, target.id, 'dismissed');
      const live = await this.moderation.liveDecision(manager, type, target.id);
      // Content held by screening has no flags to resolve, only its provisional hide to lift.
      if (resolved === 0 && live?.kind !== 'provisional') throw DiscussionErrors.noOpenFlags();
      if (live?.kind === 'provisional') {
        await this.moderation.liftDecision(manager, live.id);
        await this.content.restore(manager, type, target.id, live.previousStatus, user.id);
      }
      await this.audit.record(manager, {
        actor: user,
        action: 'moderation.dismiss',
        entityType: type,
        entityId: publicId,
        after: { flagsResolved: resolved, liftedProvisionalHide: live?.kind === 'provisional' },
      });
      return {
        targetType: type,
        targetId: publicId,
        excerpt: target.excerpt,
        flags: resolved,
        reasons: {},
        details: [],
        firstFlaggedAt: new Date().toISOString(),
        lastFlaggedAt: new Date().toISOString(),
        state: live && live.kind === 'hidden' ? 'hidden' : 'dismissed',
        authorId: target.authorId,
      };
    });
  }

  /** The author asks, once, for a second look at a decision about their content. */
  requestReview(user: AuthUser, decisionId: string, message: string): Promise<ModerationDecisionView> {
    return this.moderation.transaction(async (manager) => {
      const decision = isUuid(decisionId) ? await this.moderation.decision(manager, decisionId) : null;
      // Someone else's decision is "not found": its existence is nobody else's business.
      if (!decision || decision.authorId !== user.id) throw DiscussionErrors.decisionNotFound();
      if (decision.liftedAt) throw DiscussionErrors.decisionLifted();
      if (decision.reviewRequestedAt) throw DiscussionErrors.reviewAlreadyRequested();
      await this.moderation.requestReview(manager, decision.id, message.trim());
      return this.view(manager, decision.id);
    });
  }

  counts(): Promise<FlagCount> {
    return this.moderation.counts();
  }

  blocks(): Promise<BlockedUserView[]> {
    return this.blocked.list();
  }

  async pendingReviews(): Promise<ModerationDecisionView[]> {
    const rows = await this.moderation.pendingReviews();
    return this.moderation.transaction(async (manager) => {
      const views: ModerationDecisionView[] = [];
      for (const row of rows) views.push(toDecisionView(row, await this.publicIdOf(manager, row)));
      return views;
    });
  }

  review(user: AuthUser, decisionId: string, outcome: 'upheld' | 'reversed', note: string): Promise<ModerationDecisionView> {
    return this.moderation.transaction(async (manager) => {
      const decision = isUuid(decisionId) ? await this.moderation.decision(manager, decisionId) : null;
      if (!decision) throw DiscussionErrors.decisionNotFound();
      if (!decision.reviewRequestedAt || decision.reviewOutcome) throw DiscussionErrors.noPendingReview();
      await this.moderation.recordReview(manager, decision.id, outcome, note.trim(), user.id);
      if (outcome === 'reversed' && !decision.liftedAt) {
        await this.moderation.liftDecision(manager, decision.id);
        await this.content.restore(manager, decision.targetType, decision.targetId, decision.previousStatus, user.id);
      }
      const publicId = await this.publicIdOf(manager, decision);
      if (decision.authorId) {
        await this.inbox.notify(manager, decision.authorId, 'review_outcome', {
          decisionId: decision.id,
          targetType: decision.targetType,
          targetId: publicId,
          outcome,
          note: note.trim(),
        });
      }
      await this.audit.record(manager, {
        actor: user,
        action: 'moderation.review',
        entityType: decision.targetType,
        entityId: publicId,
        before: { kind: decision.kind, reason: decision.reason },
        after: { outcome, note: note.trim(), decisionId: decision.id },
      });
      return this.view(manager, decision.id);
    });
  }

  block(user: AuthUser, userId: string, justification: string, hideContent: boolean): Promise<BlockView> {
    return this.moderation.transaction(async (manager) => {
      const roles = isUuid(userId) ? await this.moderation.userRoles(manager, userId) : null;
      if (!roles) throw DiscussionErrors.userNotFound();
      if (roles.some((role) => role !== 'citizen')) throw DiscussionErrors.staffNotBlockable();
      const blockedAt = await this.blocked.block(manager, userId, justification.trim(), user.id);
      if (!blockedAt) throw DiscussionErrors.alreadyBlocked();
      let hiddenItems = 0;
      if (hideContent) {
        for (const item of await this.moderation.visibleContentOf(manager, userId)) {
          if (await this.moderation.liveDecision(manager, item.type, item.id)) continue;
          const previous = await this.content.hide(manager, item.type, item.id, 'author_blocked', false, user.id);
          await this.moderation.insertDecision(manager, {
            type: item.type,
            id: item.id,
            authorId: userId,
            kind: 'hidden',
            reason: 'author_blocked',
            note: null,
            previousStatus: previous,
            decidedBy: user.id,
          });
          await this.moderation.resolveFlags(manager, item.type, item.id, 'hidden');
          hiddenItems += 1;
        }
      }
      await this.audit.record(manager, {
        actor: user,
        action: 'user.block',
        entityType: 'user',
        entityId: userId,
        after: { justification: justification.trim(), hideContent, hiddenItems },
      });
      return { userId, blockedAt: new Date(blockedAt).toISOString(), justification: justification.trim(), hiddenItems };
    });
  }

  unblock(user: AuthUser, userId: string): Promise<void> {
    return this.moderation.transaction(async (manager) => {
      const removed = isUuid(userId) ? await this.blocked.unblock(manager, userId) : null;
      if (!removed) throw DiscussionErrors.notBlocked();
      await this.audit.record(manager, { actor: user, action: 'user.unblock', entityType: 'user', entityId: userId, before: removed });
    });
  }

  // ---- helpers ----

  private async flagTargetOrFail(manager: EntityManager, type: FlagTargetType, publicId: string): Promise<FlagTarget> {
    const target = await this.targets.flagTarget(manager, type, publicId);
    if (!target) throw DiscussionErrors.targetNotFound(type, publicId);
    return target;
  }

  private async hide(
    manager: EntityManager,
    target: FlagTarget,
    kind: 'provisional' | 'hidden',
    reason: string,
    note: string | null,
    actorId: string | null,
  ): Promise<string> {
    const previous = await this.content.hide(manager, target.type, target.id, reason, kind === 'provisional', actorId);
    const id = await this.moderation.insertDecision(manager, {
      type: target.type,
      id: target.id,
      authorId: target.authorId,
      kind,
      reason,
      note,
      previousStatus: previous,
      decidedBy: actorId,
    });
    if (target.authorId) await this.tellAuthor(manager, target, id, reason, kind === 'provisional');
    return id;
  }

  /** A notification row now; the mail goes through the Mailer in the same transaction. */
  private async tellAuthor(manager: EntityManager, target: FlagTarget, decisionId: string, reason: string, provisional: boolean): Promise<void> {
    if (!target.authorId) return;
    await this.inbox.notify(manager, target.authorId, 'content_hidden', {
      decisionId,
      targetType: target.type,
      targetId: target.publicId,
      reason,
      provisional,
    });
    const contact = await this.moderation.userContact(manager, target.authorId);
    if (contact) {
      await this.mailer.send(hiddenMail({ ...contact, publicUrl: this.config.publicUrl, target, reason, provisional, decisionId }), manager);
    }
  }

  private async view(manager: EntityManager, id: string): Promise<ModerationDecisionView> {
    const row = (await this.moderation.decision(manager, id)) as DecisionRow;
    return toDecisionView(row, await this.publicIdOf(manager, row));
  }

  private async publicIdOf(manager: EntityManager, row: DecisionRow): Promise<string> {
    if (row.targetType !== 'report') return row.targetId;
    return (await this.reports.refAndStatus(manager, row.targetId))?.ref ?? row.targetId;
  }
}
