import { pickText, type AdminDepartment } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, CheckboxField, DataTable, Dialog, StatusMessage, TextField, type Column } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { ApiFormView } from '../forms/ApiFormView';
import { useApiForm, type FormFields } from '../forms/useApiForm';
import { Page } from '../shell/Page';
import { adminApi } from './admin-api';
import { LoadStatus } from './LoadStatus';
import { useLoad } from './useLoad';
import { YesNo } from './YesNo';

export function DepartmentsPage() {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() => adminApi.departments());
  const [editing, setEditing] = useState<AdminDepartment | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const columns: Column<AdminDepartment>[] = [
    { id: 'name', header: t('admin.field.name'), rowHeader: true, cell: (d) => pickText(d.name, locale) },
    { id: 'code', header: t('admin.field.code'), cell: (d) => <code>{d.code}</code> },
    { id: 'email', header: t('admin.departments.contactEmail'), cell: (d) => d.contactEmail },
    { id: 'active', header: t('admin.field.active'), cell: (d) => <YesNo value={d.active} /> },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (d) => (
        <Button variant="link" onClick={() => setEditing(d)}>
          {t('admin.editNamed', { name: pickText(d.name, locale) })}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('admin.departments.title')}>
      <p className="lead">{t('admin.departments.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <p>
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('admin.departments.new')}
        </Button>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.departments.caption', { count: state.data?.length ?? 0 })}
        columns={columns}
        rows={state.data ?? []}
        rowKey={(d) => d.id}
        empty={t('admin.departments.empty')}
      />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('admin.departments.new') : t('admin.departments.edit')}
        closeLabel={t('console.dialog.close')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <DepartmentForm
            department={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(department) => {
              setEditing(null);
              setSaved(t('admin.departments.saved', { name: pickText(department.name, locale) }));
              reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}

function DepartmentForm({
  department,
  onSaved,
  onCancel,
}: {
  department: AdminDepartment | null;
  onSaved(department: AdminDepartment): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const [code, setCode] = useState(department?.code ?? '');
  const [nameEs, setNameEs] = useState(department?.name.es ?? '');
  const [nameEn, setNameEn] = useState(department?.name.en ?? '');
  const [contactEmail, setContactEmail] = useState(department?.contactEmail ?? '');
  const [active, setActive] = useState(department?.active ?? true);
  const fields: FormFields = useMemo(
    () => ({
      code: { id: 'department-code', label: t('admin.field.code') },
      'name.es': { id: 'department-name-es', label: t('admin.field.nameEs') },
      'name.en': { id: 'department-name-en', label: t('admin.field.nameEn') },
      name: { id: 'department-name-es', label: t('admin.field.nameEs') },
      contactEmail: { id: 'department-email', label: t('admin.departments.contactEmail') },
      active: { id: 'department-active', label: t('admin.field.active') },
    }),
    [t],
  );
  const form = useApiForm(fields);

  const submit = async () => {
    const input = { name: { es: nameEs.trim(), en: nameEn.trim() }, contactEmail: contactEmail.trim(), active };
    const result = await form.run(() =>
      department
        ? adminApi.updateDepartment(department.id, input)
        : adminApi.createDepartment({ ...input, code: code.trim() || undefined }),
    );
    if (result) onSaved(result);
  };

  return (
    <ApiFormView
      form={form}
      submitLabel={department ? t('admin.saveChanges') : t('admin.departments.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <TextField
        id="department-code"
        label={t('admin.field.code')}
        hint={department ? t('admin.field.codeFixed') : t('admin.field.codeHint')}
        value={code}
        readOnly={department !== null}
        autoComplete="off"
        onChange={(event) => setCode(event.target.value)}
        error={form.error('department-code')}
      />
      <TextField
        id="department-name-es"
        label={t('admin.field.nameEs')}
        lang="es"
        value={nameEs}
        onChange={(event) => setNameEs(event.target.value)}
        error={form.error('department-name-es')}
      />
      <TextField
        id="department-name-en"
        label={t('admin.field.nameEn')}
        lang="en"
        value={nameEn}
        onChange={(event) => setNameEn(event.target.value)}
        error={form.error('department-name-en')}
      />
      <TextField
        id="department-email"
        label={t('admin.departments.contactEmail')}
        type="email"
        autoComplete="off"
        value={contactEmail}
        onChange={(event) => setContactEmail(event.target.value)}
        error={form.error('department-email')}
      />
      <CheckboxField
        id="department-active"
        label={t('admin.field.active')}
        hint={t('admin.departments.activeHint')}
        checked={active}
        onChange={(event) => setActive(event.target.checked)}
        error={form.error('department-active')}
      />
    </ApiFormView>
  );
}
