import { pickText, type AdminCategory, type AdminDepartment } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import {
  Button,
  CATEGORY_ICON_PATHS,
  CategoryIcon,
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
  isBlankDraft,
  LoadStatus,
  localizedDraft,
  localizedFormFields,
  LocalizedTextFieldset,
  Page,
  trimDraft,
  useApiForm,
  YesNo,
} from '@plaza/console/ui';

export function CategoriesPage() {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() => Promise.all([adminApi.categories(), adminApi.departments()]));
  const [editing, setEditing] = useState<AdminCategory | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [categories, departments] = state.data ?? [[], []];
  const departmentName = (departmentId: string) => {
    const department = departments.find((d) => d.id === departmentId);
    return department ? pickText(department.name, locale) : '—';
  };

  const columns: Column<AdminCategory>[] = [
    {
      id: 'name',
      header: t('admin.field.name'),
      rowHeader: true,
      cell: (c) => (
        <span className="with-icon">
          <CategoryIcon icon={c.icon} size={20} />
          {pickText(c.name, locale)}
        </span>
      ),
    },
    { id: 'code', header: t('admin.field.code'), cell: (c) => <code>{c.code}</code> },
    { id: 'department', header: t('admin.categories.defaultDepartment'), cell: (c) => departmentName(c.defaultDepartmentId) },
    {
      id: 'target',
      header: t('admin.categories.targetDays'),
      align: 'end',
      cell: (c) => t('admin.categories.days', { count: c.targetDays }),
    },
    { id: 'moderation', header: t('admin.categories.moderationShort'), cell: (c) => <YesNo value={c.requiresModeration} /> },
    { id: 'active', header: t('admin.field.active'), cell: (c) => <YesNo value={c.active} /> },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (c) => (
        <Button variant="link" onClick={() => setEditing(c)}>
          {t('admin.editNamed', { name: pickText(c.name, locale) })}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('admin.categories.title')}>
      <p className="lead">{t('admin.categories.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <p>
        <Button variant="primary" onClick={() => setEditing('new')} disabled={state.status !== 'ready'}>
          {t('admin.categories.new')}
        </Button>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.categories.caption', { count: categories.length })}
        columns={columns}
        rows={categories}
        rowKey={(c) => c.code}
        empty={t('admin.categories.empty')}
      />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('admin.categories.new') : t('admin.categories.edit')}
        closeLabel={t('console.dialog.close')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <CategoryForm
            category={editing === 'new' ? null : editing}
            departments={departments}
            onCancel={() => setEditing(null)}
            onSaved={(category) => {
              setEditing(null);
              setSaved(t('admin.categories.saved', { name: pickText(category.name, locale) }));
              reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}

function CategoryForm({
  category,
  departments,
  onSaved,
  onCancel,
}: {
  category: AdminCategory | null;
  departments: AdminDepartment[];
  onSaved(category: AdminCategory): void;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const [code, setCode] = useState(category?.code ?? '');
  const [name, setName] = useState(() => localizedDraft(category?.name));
  const [description, setDescription] = useState(() => localizedDraft(category?.description));
  const [group, setGroup] = useState(() => localizedDraft(category?.group));
  const [icon, setIcon] = useState(category?.icon ?? '');
  const [departmentId, setDepartmentId] = useState(category?.defaultDepartmentId ?? '');
  const [targetDays, setTargetDays] = useState(String(category?.targetDays ?? 10));
  const [requiresModeration, setRequiresModeration] = useState(category?.requiresModeration ?? false);
  const [active, setActive] = useState(category?.active ?? true);

  const fields: FormFields = useMemo(
    () => ({
      code: { id: 'category-code', label: t('admin.field.code') },
      ...localizedFormFields('name', 'category-name', t('admin.field.name')),
      ...localizedFormFields('description', 'category-description', t('languages.category.description')),
      ...localizedFormFields('group', 'category-group', t('languages.category.group')),
      icon: { id: 'category-icon', label: t('admin.categories.icon') },
      defaultDepartmentId: { id: 'category-department', label: t('admin.categories.defaultDepartment') },
      targetDays: { id: 'category-target', label: t('admin.categories.targetDays') },
      requiresModeration: { id: 'category-moderation', label: t('admin.categories.moderation') },
      active: { id: 'category-active', label: t('admin.field.active') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  const departmentOptions = departments
    .filter((d) => d.active || d.id === departmentId)
    .map((d) => ({ value: d.id, label: pickText(d.name, locale) }));

  // The icons the map can draw; a stored name it cannot draw stays selectable so saving keeps it.
  const iconOptions = [...Object.keys(CATEGORY_ICON_PATHS), ...(icon && !CATEGORY_ICON_PATHS[icon] ? [icon] : [])].map((name) => ({
    value: name,
    label: name,
  }));

  const submit = async () => {
    // A non-number goes to the API as-is, so its validation message explains the problem.
    const days = /^\d+$/.test(targetDays.trim()) ? Number(targetDays.trim()) : targetDays;
    const input = {
      name: trimDraft(name),
      description: trimDraft(description),
      // Every language blank: no group (the category is listed on its own).
      group: isBlankDraft(group) ? null : trimDraft(group),
      icon: icon || undefined,
      defaultDepartmentId: departmentId || undefined,
      targetDays: days as number,
      requiresModeration,
      active,
    };
    const result = await form.run(() =>
      category ? adminApi.updateCategory(category.code, input) : adminApi.createCategory({ ...input, code: code.trim() || undefined }),
    );
    if (result) onSaved(result);
  };

  return (
    <ApiFormView
      form={form}
      submitLabel={category ? t('admin.saveChanges') : t('admin.categories.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <TextField
        id="category-code"
        label={t('admin.field.code')}
        hint={category ? t('admin.field.codeFixed') : t('admin.field.codeHint')}
        value={code}
        readOnly={category !== null}
        autoComplete="off"
        onChange={(event) => setCode(event.target.value)}
        error={form.error('category-code')}
      />
      <LocalizedTextFieldset
        idPrefix="category-name"
        legend={t('admin.field.name')}
        hint={t('languages.allHint')}
        value={name}
        onChange={setName}
        error={(id) => form.error(id)}
        maxLength={200}
      />
      <LocalizedTextFieldset
        idPrefix="category-description"
        legend={t('languages.category.description')}
        value={description}
        onChange={setDescription}
        error={(id) => form.error(id)}
        multiline
      />
      <LocalizedTextFieldset
        idPrefix="category-group"
        legend={t('languages.category.group')}
        hint={t('languages.category.groupHint')}
        value={group}
        onChange={setGroup}
        error={(id) => form.error(id)}
        maxLength={200}
      />
      <div className="icon-picker">
        <SelectField
          id="category-icon"
          label={t('admin.categories.icon')}
          hint={t('admin.categories.iconHint')}
          placeholder={t('admin.choose')}
          options={iconOptions}
          value={icon}
          onChange={(event) => setIcon(event.target.value)}
          error={form.error('category-icon')}
        />
        {icon && <CategoryIcon icon={icon} size={40} className="icon-picker__preview" />}
      </div>
      <SelectField
        id="category-department"
        label={t('admin.categories.defaultDepartment')}
        placeholder={t('admin.choose')}
        options={departmentOptions}
        value={departmentId}
        onChange={(event) => setDepartmentId(event.target.value)}
        error={form.error('category-department')}
      />
      <TextField
        id="category-target"
        label={t('admin.categories.targetDays')}
        hint={t('admin.categories.targetHint')}
        inputMode="numeric"
        value={targetDays}
        onChange={(event) => setTargetDays(event.target.value)}
        error={form.error('category-target')}
        className="field--short"
      />
      <CheckboxField
        id="category-moderation"
        label={t('admin.categories.moderation')}
        hint={t('admin.categories.moderationHint')}
        checked={requiresModeration}
        onChange={(event) => setRequiresModeration(event.target.checked)}
        error={form.error('category-moderation')}
      />
      <CheckboxField
        id="category-active"
        label={t('admin.field.active')}
        hint={t('admin.categories.activeHint')}
        checked={active}
        onChange={(event) => setActive(event.target.checked)}
        error={form.error('category-active')}
      />
    </ApiFormView>
  );
}
