import type { Role, SessionUser } from '@plaza/shared/contracts';

/** Roles that may use the console; a citizen account alone may not. */
export const STAFF_ROLES: readonly Role[] = ['community_manager', 'department_staff', 'admin'];

export function isStaff(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.some((role) => STAFF_ROLES.includes(role));
}

export function isAdmin(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('admin');
}

/**
 * Where to go after signing in: only a path inside the console (no `//host`, no scheme), so a
 * crafted link cannot send staff to another site.
 */
export function safeConsolePath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  if (next.startsWith('/signin')) return '/';
  return next;
}

/** The link's `next` is a site path (`/console/admin`); the console routes without its base. */
export function consolePathFromSitePath(next: string | null | undefined): string {
  if (!next || !(next === '/console' || next.startsWith('/console/') || next.startsWith('/console?'))) return '/';
  return safeConsolePath(next.slice('/console'.length) || '/');
}
