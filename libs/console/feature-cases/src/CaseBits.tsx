// Small pieces every case screen shows the same way: time left, status, priority, who wrote what.
import type { CaseDue, CasePriority, ReportStatus, StaffRef } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';

/** Time left or overdue, in words (never colour alone), with the due date for a tooltip-free reading. */
export function DueLabel({ due }: { due: CaseDue | null }) {
  const { t, formatDate } = useT();
  if (!due) return <span className="due due--none">{t('cases.due.none')}</span>;
  const date = formatDate(due.dueAt);
  if (due.overdue) {
    const days = Math.abs(due.businessDaysLeft);
    return (
      <span className="due due--overdue">
        <strong>{days > 0 ? t('cases.due.overdueBy', { count: days }) : t('cases.due.overdue')}</strong>{' '}
        <span className="due__date">{t('cases.due.dueOn', { date })}</span>
      </span>
    );
  }
  return (
    <span className={`due${due.businessDaysLeft <= 1 ? ' due--soon' : ''}`}>
      {due.businessDaysLeft === 0 ? t('cases.due.today') : t('cases.due.left', { count: due.businessDaysLeft })}{' '}
      <span className="due__date">{t('cases.due.dueOn', { date })}</span>
    </span>
  );
}

export function StatusLabel({ status }: { status: ReportStatus }) {
  const { t } = useT();
  return <span className={`case-status case-status--${status}`}>{t(`status.${status}`)}</span>;
}

export function PriorityLabel({ priority }: { priority: CasePriority }) {
  const { t } = useT();
  return <span className={`priority priority--${priority}`}>{t(`cases.priority.${priority}`)}</span>;
}

/** "Written by Ana (Street Lighting) · approved by Lucía": who speaks for the city in each message. */
export function Authorship({
  writtenBy,
  approvedBy,
  department,
}: {
  writtenBy: StaffRef | null;
  approvedBy: StaffRef | null;
  department: { name: string } | null;
}) {
  const { t } = useT();
  if (!writtenBy && !approvedBy) return null;
  return (
    <p className="authorship">
      {writtenBy &&
        (department
          ? t('cases.timeline.writtenByFor', { name: writtenBy.name, department: department.name })
          : t('cases.timeline.writtenBy', { name: writtenBy.name }))}
      {writtenBy && approvedBy && ' · '}
      {approvedBy && t('cases.timeline.approvedBy', { name: approvedBy.name })}
    </p>
  );
}
