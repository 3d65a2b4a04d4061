import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { TimelineListeners, type ReportTimelineEvent } from '@plaza/api/events';
import { MAILER, type Mailer } from '@plaza/api/mail';
import { Outbox } from '@plaza/api/outbox';
import type { ReportStatus } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import { departmentMail } from './department-mail';
import { DispatchRepository } from './dispatch.repository';
import { OPEN311_CHANNEL, type Open311DispatchPayload } from './open311-channel';

/**
 * Statuses in which a case is the department's work: public and not finished. A case waiting for
 * moderation (or for its reporter to confirm their email) is not sent — the department gets it
 * when the community manager publishes it — and a finished one is not worth sending.
 */
const ROUTABLE: ReadonlySet<ReportStatus> = new Set(['confirmed', 'investigating', 'action_scheduled', 'in_progress']);

/**
 * Sends each case to the department it is routed to, once per department, in the transaction of
 * the timeline entry that routed it: a case published (on creation or by moderation), or handed to
 * another department (the moves that change the department write a timeline entry). Every entry
 * is checked rather than a list of "routing" moves, so a new path that routes a case cannot forget
 * to send it; the `report_dispatches` row makes the check idempotent.
 */
@Injectable()
export class DispatchRouter implements OnModuleInit {
  constructor(
    private readonly timeline: TimelineListeners,
    private readonly dispatches: DispatchRepository,
    private readonly outbox: Outbox,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  onModuleInit(): void {
    this.timeline.onReportEvent((manager, event) => this.route(manager, event));
  }

  async route(manager: EntityManager, event: ReportTimelineEvent): Promise<void> {
    const target = await this.dispatches.routingTarget(manager, event.reportId);
    if (!target || !ROUTABLE.has(target.status)) return;
    // Recorded even for `none`: the case reached the department (in the console), so switching the
    // department to email later does not send it its old cases.
    const dispatchId = await this.dispatches.claim(manager, event.reportId, target.departmentId, target.sendMethod);
    if (!dispatchId || target.sendMethod === 'none') return;
    if (target.sendMethod === 'email') {
      const mediaBase = `${this.config.publicUrl}/api/v1/media/`;
      const found = await this.dispatches.dispatchCase(manager, event.reportId, target.departmentId, mediaBase);
      // In the department's own language (departments.locale, set in the admin console).
      await this.mailer.send(departmentMail(target.contactEmail, found, this.config.publicUrl), manager);
      return;
    }
    const { ref, code } = await this.dispatches.refAndDepartmentCode(manager, event.reportId, target.departmentId);
    // Only ids in the payload: the case and the external system are read at delivery time, so a
    // corrected endpoint or key applies to retries, and no personal data sits in the outbox.
    const payload: Open311DispatchPayload = { dispatchId, ref, department: code };
    await this.outbox.enqueue(manager, { channel: OPEN311_CHANNEL, dedupeKey: `dispatch-open311:${dispatchId}`, payload: { ...payload } });
  }
}
