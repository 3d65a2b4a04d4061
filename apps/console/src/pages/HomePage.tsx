import type { DepartmentRef, Role, SessionUser } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { ConsoleLink, Page } from '@plaza/console/ui';

const ROLE_TEXT: Record<Exclude<Role, 'citizen'>, { name: TranslationKey; body: TranslationKey }> = {
  admin: { name: 'console.role.admin', body: 'console.home.admin' },
  community_manager: { name: 'console.role.community_manager', body: 'console.home.community_manager' },
  department_staff: { name: 'console.role.department_staff', body: 'console.home.department_staff' },
};

/**
 * What each of the user's roles lets them do here. The inbox and case views come with the
 * moderation console; until then this page says so instead of showing an empty inbox.
 */
export function HomePage({ user }: { user: SessionUser }) {
  const { t } = useT();
  const roles = user.roles.filter((role): role is Exclude<Role, 'citizen'> => role !== 'citizen');
  return (
    <Page title={t('console.title')}>
      <p className="lead">{t('console.home.greeting', { name: user.name })}</p>
      <h2>{t('console.home.rolesHeading')}</h2>
      <ul className="role-list">
        {roles.map((role) => (
          <li key={role} className="card">
            <h3>{t(ROLE_TEXT[role].name)}</h3>
            <p>{t(ROLE_TEXT[role].body)}</p>
            {role === 'department_staff' && <Departments departments={user.departments} />}
            {role === 'admin' && (
              <p>
                <ConsoleLink href="/admin">{t('console.home.toAdmin')}</ConsoleLink>
              </p>
            )}
            {role !== 'admin' && (
              <p>
                <ConsoleLink href="/inbox">{t('console.home.toInbox')}</ConsoleLink>
              </p>
            )}
          </li>
        ))}
      </ul>
    </Page>
  );
}

function Departments({ departments }: { departments: DepartmentRef[] }) {
  const { t } = useT();
  if (departments.length === 0) return <p>{t('console.home.noDepartments')}</p>;
  return (
    <>
      <p>{t('console.home.yourDepartments')}</p>
      <ul>
        {departments.map((department) => (
          <li key={department.id}>{department.name}</li>
        ))}
      </ul>
    </>
  );
}
