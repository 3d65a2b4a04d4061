import { ROLES, type Role } from '@plaza/shared/contracts';
import type { TranslationKey } from '@plaza/web/i18n';

export const ROLE_LABELS: Record<Role, TranslationKey> = {
  citizen: 'console.role.citizen',
  community_manager: 'console.role.community_manager',
  department_staff: 'console.role.department_staff',
  admin: 'console.role.admin',
};

export const ALL_ROLES: readonly Role[] = ROLES;
