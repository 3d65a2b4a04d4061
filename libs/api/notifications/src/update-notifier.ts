import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { TimelineListeners, type ProposalTimelineEvent, type ReportTimelineEvent } from '@plaza/api/events';
import { MAILER, renderEmail, type Mailer, type OutgoingMail } from '@plaza/api/mail';
import { UnsubscribeLinks } from '@plaza/api/outbox';
import { NotificationInboxRepository } from '@plaza/api/participation-data';
import type { EntityManager } from 'typeorm';
import { proposalNotice, reportNotice } from './notification-rules';
import { dedupeKey, selectRecipients, type Recipient } from './recipients';
import { RecipientsRepository } from './recipients.repository';
import { UNSUBSCRIBE_KINDS, followSubject } from './unsubscribe-kinds';
import { proposalUpdateMail, reportUpdateMail, type UpdateMailContent } from './update-mail';

/**
 * Tells reporters, authors and followers what happened to a report or proposal: one mail per
 * person per timeline entry, queued in the transaction that wrote the entry (so a change that
 * rolls back sends nothing), plus an in-app notification for those with an account.
 */
@Injectable()
export class UpdateNotifier implements OnModuleInit {
  constructor(
    private readonly timeline: TimelineListeners,
    private readonly recipients: RecipientsRepository,
    private readonly inbox: NotificationInboxRepository,
    private readonly links: UnsubscribeLinks,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timeline.onReportEvent((manager, event) => this.reportEvent(manager, event));
    this.timeline.onProposalEvent((manager, event) => this.proposalEvent(manager, event));
  }

  async reportEvent(manager: EntityManager, event: ReportTimelineEvent): Promise<void> {
    const notice = reportNotice(event);
    if (!notice) return;
    const found = await this.recipients.report(manager, event.reportId);
    if (!found) return;
    const { report, candidates } = found;
    const subject = { ref: report.ref, title: report.title, url: `${this.config.publicUrl}/reports/${encodeURIComponent(report.ref)}` };
    for (const recipient of selectRecipients(candidates, { userId: event.actorId })) {
      if (recipient.userId) {
        await this.inbox.notifyOnce(manager, recipient.userId, 'report_update', {
          eventId: event.eventId,
          ref: report.ref,
          title: report.title,
          status: notice.status,
          kind: notice.kind,
        });
      }
      if (!recipient.emailAllowed) continue;
      const unsubscribeUrl =
        recipient.role === 'reporter'
          ? this.links.url(UNSUBSCRIBE_KINDS.reportUpdates, report.id)
          : this.links.url(UNSUBSCRIBE_KINDS.follow, followSubject('report', report.id, recipient.userId!));
      await this.send(manager, recipient, reportUpdateMail(notice, subject, recipient.role, recipient.locale), unsubscribeUrl, dedupeKey('report', event.eventId, recipient.email));
    }
  }

  async proposalEvent(manager: EntityManager, event: ProposalTimelineEvent): Promise<void> {
    const notice = proposalNotice(event);
    if (!notice) return;
    if (notice.kind === 'answer') notice.message = await this.recipients.latestAnswer(manager, event.proposalId, notice.status);
    const found = await this.recipients.proposal(manager, event.proposalId);
    if (!found) return;
    const { proposal, candidates } = found;
    const subject = { id: proposal.id, title: proposal.title, url: `${this.config.publicUrl}/proposals/${proposal.id}` };
    for (const recipient of selectRecipients(candidates, { userId: event.actorId })) {
      if (recipient.userId) {
        await this.inbox.notifyOnce(manager, recipient.userId, 'proposal_update', {
          eventId: event.eventId,
          id: Number(proposal.id),
          title: proposal.title,
          status: notice.status,
          kind: notice.kind,
        });
      }
      if (!recipient.emailAllowed) continue;
      const unsubscribeUrl =
        recipient.role === 'author'
          ? this.links.url(UNSUBSCRIBE_KINDS.proposalUpdates, proposal.id)
          : this.links.url(UNSUBSCRIBE_KINDS.follow, followSubject('proposal', proposal.id, recipient.userId!));
      await this.send(manager, recipient, proposalUpdateMail(notice, subject, recipient.role, recipient.locale), unsubscribeUrl, dedupeKey('proposal', event.eventId, recipient.email));
    }
  }

  private async send(manager: EntityManager, recipient: Recipient, content: UpdateMailContent, unsubscribeUrl: string, key: string): Promise<void> {
    const { html, text } = renderEmail({ ...content, unsubscribeUrl });
    const mail: OutgoingMail = { to: recipient.email, subject: content.subject, text, html, locale: content.locale, dedupeKey: key, unsubscribeUrl };
    await this.mailer.send(mail, manager);
  }
}
