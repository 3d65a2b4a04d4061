import { pickText, type AdminDepartment, type AdminProposalTheme } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import {
  Button,
  CheckboxField,
  DataTable,
  Dialog,
  SelectField,
  StatusMessage,
  TextField,
  type Column,
} from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, useLoad } from '@plaza/console/data-access';
import {
  ApiFormView,
  type FormFields,
  LoadStatus,
  localizedDraft,
  localizedFormFields,
  LocalizedTextFieldset,
  Page,
  trimDraft,
  useApiForm,
  YesNo,
} from '@plaza/console/ui';

/** The themes citizens file proposals under (docs/administration.md#proposal-themes), named in the five languages. */
export function ProposalThemesPage() {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() => Promise.all([adminApi.proposalThemes(), adminApi.departments()]));
  const [editing, setEditing] = useState<AdminProposalTheme | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [themes, departments] = state.data ?? [[], []];
  const departmentName = (departmentId: string | null) => {
    const department = departmentId ? departments.find((d) => d.id === departmentId) : undefined;
    return department ? pickText(department.name, locale) : '—';
  };

  const columns: Column<AdminProposalTheme>[] = [
    {
      id: 'name',
      header: t('admin.field.name'),
      rowHeader: true,
      cell: (theme) => pickText(theme.name, locale),
    },
    { id: 'code', header: t('admin.field.code'), cell: (theme) => <code>{theme.code}</code> },
    {
      id: 'department',
      header: t('languages.themes.department'),
      cell: (theme) => departmentName(theme.departmentId),
    },
    { id: 'active', header: t('admin.field.active'), cell: (theme) => <YesNo value={theme.active} /> },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (theme) => (
        <Button variant="link" onClick={() => setEditing(theme)}>
          {t('admin.editNamed', { name: pickText(theme.name, locale) })}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('languages.themes.title')}>
      <p className="lead">{t('languages.themes.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <p>
        {/* The form offers the departments, so it waits for them. */}
        <Button variant="primary" onClick={() => setEditing('new')} disabled={state.status !== 'ready'}>
          {t('languages.themes.new')}
        </Button>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('languages.themes.caption', { count: themes.length })}
        columns={columns}
        rows={themes}
        rowKey={(theme) => theme.code}
        empty={t('languages.themes.empty')}
      />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('languages.themes.new') : t('languages.themes.edit')}
        closeLabel={t('console.dialog.close')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <ThemeForm
            theme={editing === 'new' ? null : editing}
            departments={departments}
            onCancel={() => setEditing(null)}
            onSaved={(theme) => {
              setEditing(null);
              setSaved(t('languages.themes.saved', { name: pickText(theme.name, locale) }));
              reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}

function ThemeForm({
  theme,
  departments,
  onSaved,
  onCancel,
}: {
  theme: AdminProposalTheme | null;
  departments: AdminDepartment[];
  onSaved(theme: AdminProposalTheme): void;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const [code, setCode] = useState(theme?.code ?? '');
  const [name, setName] = useState(() => localizedDraft(theme?.name));
  const [departmentId, setDepartmentId] = useState(theme?.departmentId ?? '');
  const [active, setActive] = useState(theme?.active ?? true);

  const fields: FormFields = useMemo(
    () => ({
      code: { id: 'theme-code', label: t('admin.field.code') },
      ...localizedFormFields('name', 'theme-name', t('admin.field.name')),
      departmentId: { id: 'theme-department', label: t('languages.themes.department') },
      active: { id: 'theme-active', label: t('admin.field.active') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  // An inactive department stays selectable for the theme that already has it, so saving keeps it.
  const departmentOptions = departments
    .filter((d) => d.active || d.id === departmentId)
    .map((d) => ({ value: d.id, label: pickText(d.name, locale) }));

  const submit = async () => {
    const names = trimDraft(name);
    const result = await form.run(() =>
      theme
        ? // On an edit, "none" is sent as null: that removes the department the theme had.
          adminApi.updateProposalTheme(theme.code, {
            name: names,
            departmentId: departmentId || null,
            active,
          })
        : adminApi.createProposalTheme({
            code: code.trim() || undefined,
            name: names,
            departmentId: departmentId || undefined,
            active,
          }),
    );
    if (result) onSaved(result);
  };

  return (
    <ApiFormView
      form={form}
      submitLabel={theme ? t('admin.saveChanges') : t('languages.themes.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <TextField
        id="theme-code"
        label={t('admin.field.code')}
        hint={theme ? t('admin.field.codeFixed') : t('admin.field.codeHint')}
        value={code}
        readOnly={theme !== null}
        autoComplete="off"
        onChange={(event) => setCode(event.target.value)}
        error={form.error('theme-code')}
      />
      <LocalizedTextFieldset
        idPrefix="theme-name"
        legend={t('admin.field.name')}
        hint={t('languages.allHint')}
        value={name}
        onChange={setName}
        error={(id) => form.error(id)}
        maxLength={80}
      />
      <SelectField
        id="theme-department"
        label={t('languages.themes.department')}
        hint={t('languages.themes.departmentHint')}
        placeholder={t('languages.themes.noDepartment')}
        options={departmentOptions}
        value={departmentId}
        onChange={(event) => setDepartmentId(event.target.value)}
        error={form.error('theme-department')}
      />
      <CheckboxField
        id="theme-active"
        label={t('admin.field.active')}
        hint={t('languages.themes.activeHint')}
        checked={active}
        onChange={(event) => setActive(event.target.checked)}
        error={form.error('theme-active')}
      />
    </ApiFormView>
  );
}
