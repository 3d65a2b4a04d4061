import type { SessionUser } from '@plaza/shared/contracts';

/** Community managers and admins moderate; the API decides per case (CaseDetail.permissions). */
export function canModerate(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}

export function isDepartmentStaff(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('department_staff');
}
