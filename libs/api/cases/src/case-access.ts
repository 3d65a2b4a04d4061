import { AuthErrors, departmentIdsOf, isCityWide, type AuthUser } from '@plaza/api/auth';
import type { CasePermissions } from '@plaza/shared/contracts';

/** Community managers and admins moderate; department staff work their departments' cases. */
export function canModerate(user: AuthUser): boolean {
  return isCityWide(user);
}

/** Department staff see a case only while it belongs to one of their departments. */
export function canSeeCase(user: AuthUser, departmentId: string | null): boolean {
  return isCityWide(user) || (departmentId !== null && departmentIdsOf(user).includes(departmentId));
}

export function assertCanSee(user: AuthUser, departmentId: string | null): void {
  if (!canSeeCase(user, departmentId)) throw AuthErrors.forbidden();
}

export function assertCanModerate(user: AuthUser): void {
  if (!canModerate(user)) throw AuthErrors.forbidden();
}

/** CMs and admins speak for the city; a department only when the admin trusted it to. */
export function publishesDirectly(user: AuthUser, departmentTrusted: boolean): boolean {
  return canModerate(user) || departmentTrusted;
}

/**
 * Department staff work a case only once it is moderated: a case awaiting moderation may still be
 * hidden, recategorised or rerouted, and nothing a department says about it could be published.
 */
export function awaitsModeration(status: string): boolean {
  return status === 'unconfirmed';
}

export function permissionsOf(
  user: AuthUser,
  departmentId: string | null,
  departmentTrusted: boolean,
  status: string,
): CasePermissions {
  const moderate = canModerate(user);
  return {
    moderate,
    publishDirectly: publishesDirectly(user, departmentTrusted),
    workAsDepartment:
      moderate || (departmentId !== null && departmentIdsOf(user).includes(departmentId) && !awaitsModeration(status)),
    seeCommunityManagerNotes: moderate,
  };
}

/** The department a staff member acts for on this case (null for CMs and admins). */
export function actingDepartment(user: AuthUser, departmentId: string | null): string | null {
  if (canModerate(user) || departmentId === null) return null;
  return departmentIdsOf(user).includes(departmentId) ? departmentId : null;
}
