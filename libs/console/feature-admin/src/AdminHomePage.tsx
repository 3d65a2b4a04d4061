import { useT } from '@plaza/web/i18n';
import { ConsoleLink, Page } from '@plaza/console/ui';
import { ADMIN_SECTIONS } from './sections';

export function AdminHomePage() {
  const { t } = useT();
  return (
    <Page title={t('admin.home.title')}>
      <p className="lead">{t('admin.home.intro')}</p>
      <ul className="section-list">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.path}>
            <ConsoleLink href={section.path}>{t(section.title)}</ConsoleLink>
            <p>{t(section.summary)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
