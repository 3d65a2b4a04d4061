import type { SessionUser } from '@plaza/shared/contracts';

/** Who moderates flagged content and blocks users: community managers and admins (the API checks too). */
export function canModerateParticipation(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}
