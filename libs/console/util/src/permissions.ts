import type { SessionUser } from '@plaza/shared/contracts';

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
