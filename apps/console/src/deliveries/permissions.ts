import type { SessionUser } from '@plaza/shared/contracts';

/** Who handles failed deliveries: administrators and community managers (the API checks too); they see recipients. */
export function canHandleDeliveries(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('community_manager') || user.roles.includes('admin');
}
