import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@plaza/api/audit';
import type { AuthUser } from '@plaza/api/auth';
import { DataSource } from 'typeorm';

/** The audit action of a staff member opening a reporter's contact details. */
export const CONTACT_VIEW_ACTION = 'case.view_contact';

/**
 * Repeated opens of the same case by the same person within this window are one access: the
 * console reloads a case after every move, and the reporter wants to know how often someone
 * looked, not how often a page refreshed.
 */
const SAME_VISIT_MS = 15 * 60_000;

/**
 * Records that a staff member saw a reporter's contact (who, when, which case), as data-protection
 * rules require of access to personal data (docs/privacy.md). The reporter's data page counts
 * these entries ("seen by the city's staff N times").
 */
@Injectable()
export class ContactAccessLog {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async viewed(user: AuthUser, ref: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const q = { action: CONTACT_VIEW_ACTION, entityType: 'report', entityId: ref, actorId: user.id };
      if (await this.audit.existsSince(manager, { ...q, since: new Date(Date.now() - SAME_VISIT_MS) })) return;
      await this.audit.record(manager, { actor: user, action: q.action, entityType: q.entityType, entityId: ref });
    });
  }
}
