import { Injectable } from '@nestjs/common';
import { CommentsRepository } from '@plaza/api/participation-data';
import { ProposalRecordsRepository, ProposalTimeline } from '@plaza/api/proposal-records';
import { ReportRecordsRepository, ReportTimeline } from '@plaza/api/report-records';
import type { FlagTargetType, ProposalStatus, ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Hides and restores the content a decision is about, through the repositories that own it. Proposals
 * and reports get a timeline entry (a report's is internal: the public sees the status, not the remark).
 */
@Injectable()
export class ContentVisibility {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly proposals: ProposalRecordsRepository,
    private readonly proposalTimeline: ProposalTimeline,
    private readonly reports: ReportRecordsRepository,
    private readonly reportTimeline: ReportTimeline,
  ) {}

  /** Hides the content and returns the status it had (proposals and reports), to restore it later. */
  async hide(manager: EntityManager, type: FlagTargetType, id: string, reason: string, provisional: boolean, actorId: string | null): Promise<string | null> {
    if (type === 'comment') {
      await this.comments.hide(manager, id, reason, provisional);
      return null;
    }
    if (type === 'proposal') {
      const status = (await this.proposals.lockStatus(manager, id))!;
      if (status === 'hidden') return null;
      await this.proposals.hide(manager, id);
      await this.proposalTimeline.append(manager, { proposalId: id, actorKind: 'moderation', actorId, from: status, to: 'hidden', message: reason });
      return status;
    }
    const status = (await this.reports.lockStatus(manager, id))!;
    if (status === 'hidden') return null;
    await this.reports.hide(manager, id);
    await this.reportTimeline.append(manager, {
      reportId: id,
      actorKind: actorId ? 'staff' : 'system',
      actorId,
      from: status,
      to: 'hidden',
      message: `moderation: ${reason}`,
      isPublic: false,
    });
    return status;
  }

  /** Marks hidden content as confirmed (no longer provisional). */
  async confirmHidden(manager: EntityManager, type: FlagTargetType, id: string, reason: string): Promise<void> {
    if (type === 'comment') await this.comments.confirmHidden(manager, id, reason);
  }

  async restore(manager: EntityManager, type: FlagTargetType, id: string, previousStatus: string | null, actorId: string | null): Promise<void> {
    if (type === 'comment') {
      await this.comments.restore(manager, id);
      return;
    }
    if (type === 'proposal') {
      const to = (previousStatus && previousStatus !== 'hidden' ? previousStatus : 'published') as ProposalStatus;
      await this.proposals.restoreHidden(manager, id, to);
      await this.proposalTimeline.append(manager, { proposalId: id, actorKind: 'moderation', actorId, from: 'hidden', to, message: null });
      return;
    }
    const to = (previousStatus && previousStatus !== 'hidden' ? previousStatus : 'confirmed') as ReportStatus;
    await this.reports.restoreHidden(manager, id, to);
    await this.reportTimeline.append(manager, {
      reportId: id,
      actorKind: actorId ? 'staff' : 'system',
      actorId,
      from: 'hidden',
      to,
      message: 'moderation: restored',
      isPublic: false,
    });
  }
}
