import { pickText, type AdminDepartment, type AdminUser, type Role } from '@plaza/shared/contracts';
import { LOCALE_NAMES, LOCALES, useT } from '@plaza/web/i18n';
import {
  Button,
  CheckboxField,
  CheckboxGroup,
  DataTable,
  Dialog,
  SelectField,
  StatusMessage,
  TextField,
  type Column,
} from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, useLoad } from '@plaza/console/data-access';
import { ApiFormView, type FormFields, LoadStatus, Page, useApiForm, YesNo } from '@plaza/console/ui';
import { ALL_ROLES, ROLE_LABELS } from '@plaza/console/util';

// Mail is written in Spanish or English (the other languages read the Spanish one).
export function UsersPage() {
  const { t, locale, formatDate } = useT();
  const [filter, setFilter] = useState({ q: '', role: '' });
  const [state, reload] = useLoad(() => Promise.all([adminApi.users(filter), adminApi.departments()]), [filter.q, filter.role]);
  const [users, departments] = state.data ?? [[], []];
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const departmentNames = (ids: string[]) =>
    ids
      .map((id) => departments.find((d) => d.id === id))
      .map((d) => (d ? pickText(d.name, locale) : '—'))
      .join(', ');

  const columns: Column<AdminUser>[] = [
    { id: 'name', header: t('admin.field.name'), rowHeader: true, cell: (u) => u.name },
    { id: 'email', header: t('admin.users.email'), cell: (u) => u.email },
    { id: 'roles', header: t('admin.users.roles'), cell: (u) => u.roles.map((r) => t(ROLE_LABELS[r])).join(', ') },
    { id: 'departments', header: t('admin.users.departments'), cell: (u) => departmentNames(u.departmentIds) || '—' },
    { id: 'active', header: t('admin.field.active'), cell: (u) => <YesNo value={u.active} /> },
    {
      id: 'lastSignIn',
      header: t('admin.users.lastSignIn'),
      cell: (u) =>
        u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{formatDate(u.lastSignInAt)}</time> : t('admin.users.never'),
    },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (u) => (
        <Button variant="link" onClick={() => setEditing(u)}>
          {t('admin.editNamed', { name: u.name })}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('admin.users.title')}>
      <p className="lead">{t('admin.users.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <p>
        <Button variant="primary" onClick={() => setEditing('new')} disabled={state.status !== 'ready'}>
          {t('admin.users.new')}
        </Button>
      </p>
      <UserFilter initial={filter} onApply={setFilter} />
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.users.caption', { count: users.length })}
        columns={columns}
        rows={users}
        rowKey={(u) => u.id}
        empty={t('admin.users.empty')}
      />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('admin.users.new') : t('admin.users.edit')}
        closeLabel={t('console.dialog.close')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <UserForm
            user={editing === 'new' ? null : editing}
            departments={departments}
            onCancel={() => setEditing(null)}
            onSaved={(user, created) => {
              setEditing(null);
              setSaved(t(created ? 'admin.users.created' : 'admin.users.saved', { name: user.name }));
              reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}

function UserFilter({ initial, onApply }: { initial: { q: string; role: string }; onApply(filter: { q: string; role: string }): void }) {
  const { t } = useT();
  const [q, setQ] = useState(initial.q);
  const [role, setRole] = useState(initial.role);
  return (
    <form
      role="search"
      aria-label={t('admin.users.filter')}
      className="filter-form"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ q: q.trim(), role });
      }}
    >
      <TextField id="users-q" label={t('admin.users.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      <SelectField
        id="users-role"
        label={t('admin.users.roleFilter')}
        placeholder={t('admin.users.anyRole')}
        options={ALL_ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
        value={role}
        onChange={(e) => setRole(e.target.value)}
      />
      <Button type="submit">{t('admin.users.applyFilter')}</Button>
    </form>
  );
}

function UserForm({
  user,
  departments,
  onSaved,
  onCancel,
}: {
  user: AdminUser | null;
  departments: AdminDepartment[];
  onSaved(user: AdminUser, created: boolean): void;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [departmentIds, setDepartmentIds] = useState<string[]>(user?.departmentIds ?? []);
  const [active, setActive] = useState(user?.active ?? true);
  const [mailLocale, setMailLocale] = useState<string>(locale);
  const fields: FormFields = useMemo(
    () => ({
      name: { id: 'user-name', label: t('admin.field.name') },
      email: { id: 'user-email', label: t('admin.users.email') },
      roles: { id: 'user-roles', label: t('admin.users.roles'), choice: true },
      departmentIds: { id: 'user-departments', label: t('admin.users.departments'), choice: true },
      active: { id: 'user-active', label: t('admin.users.activeLabel') },
      locale: { id: 'user-locale', label: t('admin.users.locale') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  // New accounts made here are staff: citizens sign themselves up on the public site.
  const roleChoices = user ? ALL_ROLES : ALL_ROLES.filter((r) => r !== 'citizen');
  const departmentChoices = departments
    .filter((d) => d.active || departmentIds.includes(d.id))
    .map((d) => ({ value: d.id, label: pickText(d.name, locale) }));

  const submit = async () => {
    const result = await form.run(() =>
      user
        ? adminApi.updateUser(user.id, { name: name.trim(), roles, departmentIds, active })
        : adminApi.createUser({ name: name.trim(), email: email.trim(), roles, departmentIds, locale: mailLocale }),
    );
    if (result) onSaved(result, user === null);
  };

  return (
    <ApiFormView
      form={form}
      submitLabel={user ? t('admin.saveChanges') : t('admin.users.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <TextField
        id="user-name"
        label={t('admin.field.name')}
        autoComplete="off"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={form.error('user-name')}
      />
      <TextField
        id="user-email"
        label={t('admin.users.email')}
        hint={user ? t('admin.users.emailFixed') : t('admin.users.emailHint')}
        type="email"
        autoComplete="off"
        readOnly={user !== null}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={form.error('user-email')}
      />
      {!user && (
        <SelectField
          id="user-locale"
          label={t('admin.users.locale')}
          hint={t('admin.users.localeHint')}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          value={mailLocale}
          onChange={(e) => setMailLocale(e.target.value)}
          error={form.error('user-locale')}
        />
      )}
      <CheckboxGroup
        id="user-roles"
        legend={t('admin.users.roles')}
        options={roleChoices.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
        value={roles}
        onChange={(next) => setRoles(next as Role[])}
        error={form.error('user-roles')}
      />
      <CheckboxGroup
        id="user-departments"
        legend={t('admin.users.departments')}
        hint={t('admin.users.departmentsHint')}
        options={departmentChoices}
        value={departmentIds}
        onChange={setDepartmentIds}
        error={form.error('user-departments')}
      />
      {user && (
        <CheckboxField
          id="user-active"
          label={t('admin.users.activeLabel')}
          hint={t('admin.users.activeHint')}
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
          error={form.error('user-active')}
        />
      )}
    </ApiFormView>
  );
}
