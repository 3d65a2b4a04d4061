import { describe, expect, it } from '@jest/globals';
import { consolePathFromSitePath, isAdmin, isStaff, safeConsolePath } from './roles';

describe('roles', () => {
  it('lets staff roles in and keeps citizens out', () => {
    expect(isStaff({ roles: ['citizen'] })).toBe(false);
    expect(isStaff({ roles: [] })).toBe(false);
    expect(isStaff({ roles: ['citizen', 'community_manager'] })).toBe(true);
    expect(isStaff({ roles: ['department_staff'] })).toBe(true);
    expect(isAdmin({ roles: ['community_manager'] })).toBe(false);
    expect(isAdmin({ roles: ['admin'] })).toBe(true);
  });
});

describe('safeConsolePath (console)', () => {
  it('keeps console paths', () => {
    expect(safeConsolePath('/admin/users?role=admin')).toBe('/admin/users?role=admin');
  });

  it('refuses anything that could leave the console or loop back to sign-in', () => {
    for (const bad of [null, '', 'admin', '//evil.example/', '/\\evil.example', 'https://evil.example', '/signin', '/signin/link?token=x']) {
      expect(safeConsolePath(bad)).toBe('/');
    }
  });
});

describe('consolePathFromSitePath', () => {
  it('maps a console path on the site to a console route, anything else to the console home', () => {
    expect(consolePathFromSitePath('/console/admin/users')).toBe('/admin/users');
    expect(consolePathFromSitePath('/console/')).toBe('/');
    expect(consolePathFromSitePath('/console')).toBe('/');
    expect(consolePathFromSitePath('/')).toBe('/');
    expect(consolePathFromSitePath('/consoleevil')).toBe('/');
    expect(consolePathFromSitePath('/console//evil.example')).toBe('/');
    expect(consolePathFromSitePath(undefined)).toBe('/');
  });
});
