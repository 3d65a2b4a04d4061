import type { AuthUser } from '@plaza/api/auth';
import { actingDepartment, canSeeCase, permissionsOf, publishesDirectly } from './case-access';

const CLEANING = 'c1';
const LIGHTING = 'l1';

function user(roles: AuthUser['roles'], departments: string[] = []): AuthUser {
  return {
    id: 'u',
    email: 'u@example.org',
    name: 'U',
    roles,
    departments: departments.map((id) => ({ id, code: id, name: id })),
    locale: 'es',
  };
}

describe('case access', () => {
  const manager = user(['community_manager']);
  const cleaning = user(['department_staff'], [CLEANING]);

  it('lets city-wide roles see every case, and department staff only their departments’ assigned cases', () => {
    expect(canSeeCase(manager, null)).toBe(true);
    expect(canSeeCase(user(['admin']), LIGHTING)).toBe(true);
    expect(canSeeCase(cleaning, CLEANING)).toBe(true);
    expect(canSeeCase(cleaning, LIGHTING)).toBe(false);
    expect(canSeeCase(cleaning, null)).toBe(false);
    // Departments listed on an account without the staff role grant nothing.
    expect(canSeeCase(user(['citizen'], [CLEANING]), CLEANING)).toBe(false);
  });

  it('publishes a department’s words directly only when the department is trusted', () => {
    expect(publishesDirectly(cleaning, false)).toBe(false);
    expect(publishesDirectly(cleaning, true)).toBe(true);
    expect(publishesDirectly(manager, false)).toBe(true);
  });

  it('records the department a staff member acts for, and none for community managers', () => {
    expect(actingDepartment(cleaning, CLEANING)).toBe(CLEANING);
    expect(actingDepartment(cleaning, LIGHTING)).toBeNull();
    expect(actingDepartment(manager, CLEANING)).toBeNull();
  });

  it('tells the console what the caller may do', () => {
    expect(permissionsOf(cleaning, CLEANING, false, 'confirmed')).toEqual({
      moderate: false,
      publishDirectly: false,
      workAsDepartment: true,
      seeCommunityManagerNotes: false,
    });
    expect(permissionsOf(manager, CLEANING, false, 'unconfirmed')).toMatchObject({
      moderate: true,
      publishDirectly: true,
      workAsDepartment: true,
      seeCommunityManagerNotes: true,
    });
  });

  it('keeps department staff off a case still awaiting moderation', () => {
    expect(permissionsOf(cleaning, CLEANING, false, 'unconfirmed').workAsDepartment).toBe(false);
    expect(permissionsOf(cleaning, CLEANING, true, 'investigating').workAsDepartment).toBe(true);
  });
});
