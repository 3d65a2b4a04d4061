import type { TranslationKey } from '@plaza/web/i18n';

export interface AdminSection {
  path: string;
  title: TranslationKey;
  summary: TranslationKey;
}

/** The administration pages, in the order the nav lists them. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { path: '/admin/departments', title: 'admin.departments.title', summary: 'admin.departments.summary' },
  { path: '/admin/categories', title: 'admin.categories.title', summary: 'admin.categories.summary' },
  { path: '/admin/proposal-themes', title: 'languages.themes.title', summary: 'languages.themes.summary' },
  { path: '/admin/routing', title: 'admin.routing.title', summary: 'admin.routing.summary' },
  { path: '/admin/areas', title: 'admin.areas.title', summary: 'admin.areas.summary' },
  { path: '/admin/users', title: 'admin.users.title', summary: 'admin.users.summary' },
  { path: '/admin/templates', title: 'admin.templates.title', summary: 'admin.templates.summary' },
  { path: '/admin/holidays', title: 'admin.holidays.title', summary: 'admin.holidays.summary' },
  { path: '/admin/department-trust', title: 'admin.trust.title', summary: 'admin.trust.summary' },
  { path: '/admin/audit', title: 'admin.audit.title', summary: 'admin.audit.summary' },
  { path: '/admin/mail', title: 'admin.mail.title', summary: 'admin.mail.summary' },
  { path: '/admin/api-clients', title: 'admin.apiClients.title', summary: 'admin.apiClients.summary' },
];
