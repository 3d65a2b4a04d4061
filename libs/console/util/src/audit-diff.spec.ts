import { describe, expect, it } from '@jest/globals';
import { auditChanges } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the leaves that changed, by dotted path', () => {
    const before = { code: 'limpieza', name: { es: 'Limpieza', en: 'Cleaning' }, active: true };
    const after = { code: 'limpieza', name: { es: 'Limpieza Viaria', en: 'Cleaning' }, active: false };
    expect(auditChanges(before, after)).toEqual([
      { path: 'active', before: 'true', after: 'false' },
      { path: 'name.es', before: 'Limpieza', after: 'Limpieza Viaria' },
    ]);
  });

  it('shows a creation as every field going from nothing to its value', () => {
    expect(auditChanges(null, { code: 'x', roles: ['admin', 'community_manager'] })).toEqual([
      { path: 'code', before: null, after: 'x' },
      { path: 'roles', before: null, after: 'admin, community_manager' },
    ]);
  });

  it('shows a deletion as every field going away', () => {
    expect(auditChanges({ id: 'r1', departmentId: 'd1' }, null)).toEqual([
      { path: 'departmentId', before: 'd1', after: null },
      { path: 'id', before: 'r1', after: null },
    ]);
  });

  it('compares arrays whole and scalars directly', () => {
    expect(auditChanges({ roles: ['citizen'] }, { roles: ['citizen'] })).toEqual([]);
    expect(auditChanges('a', 'b')).toEqual([{ path: '', before: 'a', after: 'b' }]);
    expect(auditChanges(3, 3)).toEqual([]);
  });
});
