import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { serverText } from '@plaza/api/i18n';
import { matchLocale } from '@plaza/api/mail';
import { UnsubscribeLinks } from '@plaza/api/outbox';
import { FollowsRepository } from '@plaza/api/participation-data';
import { ProposalRecordsRepository } from '@plaza/api/proposal-records';
import { ReportRecordsRepository } from '@plaza/api/report-records';
import { DataSource, type EntityManager } from 'typeorm';

export const UNSUBSCRIBE_KINDS = {
  /** A follower stops following one report or proposal (the follow row goes). */
  follow: 'follow',
  /** A report's reporter stops its updates (they may have no account to sign in to). */
  reportUpdates: 'report-updates',
  /** A proposal's author stops its updates. */
  proposalUpdates: 'proposal-updates',
} as const;

type FollowType = 'report' | 'proposal';

/** `report:<id>:<userId>`: ids only, so the signed link says nothing about anyone. */
export function followSubject(type: FollowType, targetId: string, userId: string): string {
  return `${type}:${targetId}:${userId}`;
}

export function parseFollowSubject(subject: string): { type: FollowType; targetId: string; userId: string } | null {
  const match = /^(report|proposal):(\d{1,18}):([0-9a-f-]{36})$/.exec(subject);
  return match ? { type: match[1] as FollowType, targetId: match[2]!, userId: match[3]! } : null;
}

const ID = /^\d{1,18}$/;

/** Registers what the signed unsubscribe links in update mails describe and stop. */
@Injectable()
export class UpdateUnsubscribeKinds implements OnModuleInit {
  constructor(
    private readonly links: UnsubscribeLinks,
    @InjectDataSource() private readonly db: DataSource,
    private readonly follows: FollowsRepository,
    private readonly reports: ReportRecordsRepository,
    private readonly proposals: ProposalRecordsRepository,
  ) {}

  onModuleInit(): void {
    this.links.register(UNSUBSCRIBE_KINDS.follow, {
      describe: async (subject, locale) => {
        const follow = parseFollowSubject(subject);
        if (!follow) return null;
        const label = await this.label(this.db.manager, follow.type, follow.targetId);
        if (!label) return null;
        const key = follow.type === 'report' ? 'mail.updates.unsubscribe.followReport' : 'mail.updates.unsubscribe.followProposal';
        return serverText(matchLocale(locale), key, label);
      },
      unsubscribe: async (manager, subject) => {
        const follow = parseFollowSubject(subject);
        if (!follow) return;
        await this.follows.remove(manager, follow.type, follow.targetId, follow.userId);
      },
    });
    this.links.register(UNSUBSCRIBE_KINDS.reportUpdates, {
      describe: async (subject, locale) => {
        const label = ID.test(subject) ? await this.label(this.db.manager, 'report', subject) : null;
        if (!label) return null;
        return serverText(matchLocale(locale), 'mail.updates.unsubscribe.reportUpdates', label);
      },
      unsubscribe: async (manager, subject) => {
        if (!ID.test(subject)) return;
        // The reporter's own follow goes too, or the same mails would keep coming as a follower's.
        await this.reports.stopReporterUpdates(manager, subject);
      },
    });
    this.links.register(UNSUBSCRIBE_KINDS.proposalUpdates, {
      describe: async (subject, locale) => {
        const label = ID.test(subject) ? await this.label(this.db.manager, 'proposal', subject) : null;
        if (!label) return null;
        return serverText(matchLocale(locale), 'mail.updates.unsubscribe.proposalUpdates', label);
      },
      unsubscribe: async (manager, subject) => {
        if (!ID.test(subject)) return;
        await this.proposals.stopAuthorUpdates(manager, subject);
      },
    });
  }

  /** How the page names the item: its public reference and title, nothing about people. */
  private async label(manager: EntityManager, type: FollowType, id: string): Promise<{ ref: string; title: string } | null> {
    if (type === 'report') {
      const row = await this.reports.visibleLabel(manager, id);
      return row ? { ref: row.ref, title: row.title } : null;
    }
    const title = await this.proposals.visibleTitle(manager, id);
    return title !== null ? { ref: id, title } : null;
  }
}
