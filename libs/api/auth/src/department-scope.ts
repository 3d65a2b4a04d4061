import type { AuthUser } from './auth-context';
import { AuthErrors } from './auth.errors';

/** Roles that work across every department. */
const CITY_WIDE_ROLES = ['admin', 'community_manager'] as const;

export function isCityWide(user: AuthUser): boolean {
  return user.roles.some((role) => (CITY_WIDE_ROLES as readonly string[]).includes(role));
}

/** Departments the user works for as department staff (empty for other roles). */
export function departmentIdsOf(user: AuthUser): string[] {
  return user.roles.includes('department_staff') ? user.departments.map((d) => d.id) : [];
}

/**
 * The departments a query should be limited to: null means every department (admins and
 * community managers), otherwise the user's own (possibly none).
 */
export function departmentScopeOf(user: AuthUser): string[] | null {
  return isCityWide(user) ? null : departmentIdsOf(user);
}

export function canActForDepartment(user: AuthUser, departmentId: string): boolean {
  return isCityWide(user) || departmentIdsOf(user).includes(departmentId);
}

/** 403 unless the user may see or act on the department's work. */
export function assertDepartmentAccess(user: AuthUser, departmentId: string): void {
  if (!canActForDepartment(user, departmentId)) throw AuthErrors.forbidden();
}
