import { pickText, type AdminRoutingRule } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, DataTable, SelectField, StatusMessage, type Column } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, useLoad } from '@plaza/console/data-access';
import { ApiFormView, ConfirmDialog, type FormFields, LoadStatus, Page, useApiForm } from '@plaza/console/ui';

/**
 * Which department gets a category's reports in one area, overriding the category's default
 * department there (e.g. park cleaning in one district is contracted out).
 */
export function RoutingRulesPage() {
  const { t, locale } = useT();
  const [state, reload] = useLoad(() =>
    Promise.all([adminApi.routingRules(), adminApi.areas(), adminApi.categories(), adminApi.departments()]),
  );
  const [rules, areas, categories, departments] = state.data ?? [[], [], [], []];
  const [saved, setSaved] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AdminRoutingRule | null>(null);

  const categoryName = (code: string) => {
    const category = categories.find((c) => c.code === code);
    return category ? pickText(category.name, locale) : code;
  };
  const departmentName = (id: string) => {
    const department = departments.find((d) => d.id === id);
    return department ? pickText(department.name, locale) : '—';
  };
  const describe = (rule: AdminRoutingRule) =>
    t('admin.routing.describe', { area: rule.areaName, category: categoryName(rule.categoryCode) });

  const columns: Column<AdminRoutingRule>[] = [
    { id: 'area', header: t('admin.routing.area'), rowHeader: true, cell: (r) => r.areaName },
    { id: 'category', header: t('admin.routing.category'), cell: (r) => categoryName(r.categoryCode) },
    { id: 'department', header: t('admin.routing.department'), cell: (r) => departmentName(r.departmentId) },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (r) => (
        <Button variant="link" onClick={() => setDeleting(r)}>
          {t('admin.routing.deleteNamed', { rule: describe(r) })}
        </Button>
      ),
    },
  ];

  const sortedRules = [...rules].sort(
    (a, b) => a.areaName.localeCompare(b.areaName, locale) || categoryName(a.categoryCode).localeCompare(categoryName(b.categoryCode), locale),
  );

  return (
    <Page title={t('admin.routing.title')}>
      <p className="lead">{t('admin.routing.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <LoadStatus state={state} onRetry={reload} />
      <section className="card" aria-labelledby="routing-new-heading">
        <h2 id="routing-new-heading">{t('admin.routing.new')}</h2>
        <RuleForm
          areas={areas.map((a) => ({ value: a.id, label: a.name }))}
          categories={categories.map((c) => ({ value: c.code, label: pickText(c.name, locale), defaultDepartmentId: c.defaultDepartmentId }))}
          departments={departments.filter((d) => d.active).map((d) => ({ value: d.id, label: pickText(d.name, locale) }))}
          onSaved={(rule) => {
            setSaved(t('admin.routing.saved', { rule: describe(rule) }));
            reload();
          }}
        />
      </section>
      <DataTable
        caption={t('admin.routing.caption', { count: rules.length })}
        columns={columns}
        rows={sortedRules}
        rowKey={(r) => r.id}
        empty={t('admin.routing.empty')}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.routing.deleteTitle')}
        body={deleting ? t('admin.routing.deleteBody', { rule: describe(deleting) }) : ''}
        confirmLabel={t('admin.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await adminApi.deleteRoutingRule(deleting.id);
          setSaved(t('admin.routing.deleted', { rule: describe(deleting) }));
          reload();
        }}
      />
    </Page>
  );
}

interface Option {
  value: string;
  label: string;
}

function RuleForm({
  areas,
  categories,
  departments,
  onSaved,
}: {
  areas: Option[];
  categories: Array<Option & { defaultDepartmentId: string }>;
  departments: Option[];
  onSaved(rule: AdminRoutingRule): void;
}) {
  const { t } = useT();
  const [areaId, setAreaId] = useState('');
  const [categoryCode, setCategoryCode] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const fields: FormFields = useMemo(
    () => ({
      areaId: { id: 'rule-area', label: t('admin.routing.area') },
      categoryCode: { id: 'rule-category', label: t('admin.routing.category') },
      departmentId: { id: 'rule-department', label: t('admin.routing.department') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  const defaultDepartment = categories.find((c) => c.value === categoryCode)?.defaultDepartmentId;
  const defaultName = departments.find((d) => d.value === defaultDepartment)?.label;

  const submit = async () => {
    const input = { areaId: areaId || undefined, categoryCode: categoryCode || undefined, departmentId: departmentId || undefined };
    const rule = await form.run(() => adminApi.createRoutingRule(input));
    if (!rule) return;
    setAreaId('');
    setCategoryCode('');
    setDepartmentId('');
    onSaved(rule);
  };

  return (
    <ApiFormView form={form} label={t('admin.routing.new')} submitLabel={t('admin.routing.create')} onSubmit={() => void submit()}>
      <div className="form-row">
        <SelectField
          id="rule-area"
          label={t('admin.routing.area')}
          placeholder={t('admin.choose')}
          options={areas}
          value={areaId}
          onChange={(event) => setAreaId(event.target.value)}
          error={form.error('rule-area')}
        />
        <SelectField
          id="rule-category"
          label={t('admin.routing.category')}
          placeholder={t('admin.choose')}
          options={categories}
          value={categoryCode}
          onChange={(event) => setCategoryCode(event.target.value)}
          error={form.error('rule-category')}
        />
        <SelectField
          id="rule-department"
          label={t('admin.routing.department')}
          hint={defaultName ? t('admin.routing.defaultIs', { department: defaultName }) : undefined}
          placeholder={t('admin.choose')}
          options={departments}
          value={departmentId}
          onChange={(event) => setDepartmentId(event.target.value)}
          error={form.error('rule-department')}
        />
      </div>
    </ApiFormView>
  );
}
