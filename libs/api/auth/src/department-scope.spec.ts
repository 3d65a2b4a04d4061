import type { AuthUser } from './auth-context';
import {
  assertDepartmentAccess,
  canActForDepartment,
  departmentIdsOf,
  departmentScopeOf,
} from './department-scope';

const user = (roles: AuthUser['roles'], departments: string[] = []): AuthUser => ({
  id: 'u',
  email: 'u@example.org',
  name: 'U',
  roles,
  departments: departments.map((id) => ({ id, code: id, name: id })),
  locale: 'es',
});

describe('department scope', () => {
  it('limits department staff to their departments and lets city-wide roles see all', () => {
    expect(departmentScopeOf(user(['department_staff'], ['d1', 'd2']))).toEqual(['d1', 'd2']);
    expect(departmentScopeOf(user(['admin']))).toBeNull();
    expect(departmentScopeOf(user(['community_manager']))).toBeNull();
    expect(departmentScopeOf(user(['citizen']))).toEqual([]);
    expect(departmentIdsOf(user(['citizen'], ['d1']))).toEqual([]);
    expect(canActForDepartment(user(['department_staff'], ['d1']), 'd1')).toBe(true);
    expect(canActForDepartment(user(['department_staff'], ['d1']), 'd2')).toBe(false);
    expect(() => assertDepartmentAccess(user(['department_staff'], ['d1']), 'd2')).toThrow(/not allowed/);
    expect(() => assertDepartmentAccess(user(['community_manager']), 'd2')).not.toThrow();
  });
});
