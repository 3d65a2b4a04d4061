import { CASE_QUEUES, type CaseQueue, type SessionUser } from '@plaza/shared/contracts';

/** Community managers and admins moderate; the API decides per case (CaseDetail.permissions). */
export function canModerate(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}

export function isDepartmentStaff(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('department_staff');
}

/** Who moderates flagged content and blocks users: community managers and admins (the API checks too). */
export function canModerateParticipation(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}

/** Who handles failed deliveries: administrators and community managers (the API checks too); they see recipients. */
export function canHandleDeliveries(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}

/** Who manages response templates: community managers and admins (the API's rule for /admin/templates). */
export function canManageTemplates(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}

/** Who files a report on behalf of a resident (POST /staff/cases): community managers and admins. */
export function canFileOnBehalf(user: Pick<SessionUser, 'roles'>): boolean {
  return canModerate(user);
}

/**
 * The inbox queues a user works. Moderation, routing, referrals and drafts are the community
 * managers' work; department staff see their cases and what is overdue.
 */
export function queuesFor(user: Pick<SessionUser, 'roles'>): readonly CaseQueue[] {
  return canModerate(user) ? CASE_QUEUES : DEPARTMENT_QUEUES;
}

export const DEPARTMENT_QUEUES: readonly CaseQueue[] = ['overdue', 'all'];
