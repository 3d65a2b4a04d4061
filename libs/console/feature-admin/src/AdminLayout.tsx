import { useT } from '@plaza/web/i18n';
import type { ReactNode } from 'react';
import { NavLink } from '@plaza/console/ui';
import { ADMIN_SECTIONS } from './sections';

/** Administration pages share a section nav: beside the content when wide, above it at 360 px. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="admin-layout">
      <nav aria-label={t('admin.nav.label')} className="admin-nav">
        <ul>
          <li>
            <NavLink href="/admin" exact>
              {t('admin.home.title')}
            </NavLink>
          </li>
          {ADMIN_SECTIONS.map((section) => (
            <li key={section.path}>
              <NavLink href={section.path}>{t(section.title)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">{children}</div>
    </div>
  );
}
