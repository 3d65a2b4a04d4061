import { LOCALES, REPORT_STATUSES, type CategoryView, type ResponseTemplate } from '@plaza/shared/contracts';
import { LOCALE_NAMES, useT, type TranslationKey } from '@plaza/web/i18n';
import {
  Button,
  CheckboxField,
  DataTable,
  Dialog,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
  type Column,
} from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, referenceApi, useLoad } from '@plaza/console/data-access';
import {
  ApiFormView,
  ConfirmDialog,
  type FormFields,
  LoadStatus,
  Page,
  useApiForm,
  YesNo,
} from '@plaza/console/ui';

/** Placeholders the moderation console fills in when a template is used. */
export const TEMPLATE_PLACEHOLDERS = ['{ref}', '{category}', '{department}', '{date}'];

const statusLabel = (status: string): TranslationKey => `status.${status}` as TranslationKey;

export function TemplatesPage() {
  const { t } = useT();
  // Community managers manage templates too (the API lets them): the category names come from the
  // public catalogue, not the administrators' category list they may not read.
  const [state, reload] = useLoad(() => Promise.all([adminApi.templates(), referenceApi.categories()]));
  const [templates, categories] = state.data ?? [[], []];
  const [editing, setEditing] = useState<ResponseTemplate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ResponseTemplate | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const categoryName = (code: string | null) => {
    if (code === null) return t('admin.templates.allCategories');
    const category = categories.find((c) => c.code === code);
    return category ? category.name : code;
  };

  const columns: Column<ResponseTemplate>[] = [
    { id: 'title', header: t('admin.templates.titleField'), rowHeader: true, cell: (tpl) => tpl.title },
    { id: 'locale', header: t('admin.templates.locale'), cell: (tpl) => LOCALE_NAMES[tpl.locale as keyof typeof LOCALE_NAMES] ?? tpl.locale },
    { id: 'category', header: t('admin.templates.category'), cell: (tpl) => categoryName(tpl.categoryCode) },
    { id: 'status', header: t('admin.templates.status'), cell: (tpl) => (tpl.status ? t(statusLabel(tpl.status)) : '—') },
    { id: 'active', header: t('admin.field.active'), cell: (tpl) => <YesNo value={tpl.active} /> },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (tpl) => (
        <span className="row-actions">
          <Button variant="link" onClick={() => setEditing(tpl)}>
            {t('admin.editNamed', { name: tpl.title })}
          </Button>
          <Button variant="link" onClick={() => setDeleting(tpl)}>
            {t('admin.deleteNamed', { name: tpl.title })}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <Page title={t('admin.templates.title')}>
      <p className="lead">{t('admin.templates.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <p>
        <Button variant="primary" onClick={() => setEditing('new')} disabled={state.status !== 'ready'}>
          {t('admin.templates.new')}
        </Button>
      </p>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.templates.caption', { count: templates.length })}
        columns={columns}
        rows={templates}
        rowKey={(tpl) => tpl.id}
        empty={t('admin.templates.empty')}
      />
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? t('admin.templates.new') : t('admin.templates.edit')}
        closeLabel={t('console.dialog.close')}
        onClose={() => setEditing(null)}
      >
        {editing !== null && (
          <TemplateForm
            template={editing === 'new' ? null : editing}
            categories={categories}
            onCancel={() => setEditing(null)}
            onSaved={(template) => {
              setEditing(null);
              setSaved(t('admin.templates.saved', { name: template.title }));
              reload();
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.templates.deleteTitle')}
        body={deleting ? t('admin.templates.deleteBody', { name: deleting.title }) : ''}
        confirmLabel={t('admin.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await adminApi.deleteTemplate(deleting.id);
          setSaved(t('admin.templates.deleted', { name: deleting.title }));
          reload();
        }}
      />
    </Page>
  );
}

function TemplateForm({
  template,
  categories,
  onSaved,
  onCancel,
}: {
  template: ResponseTemplate | null;
  categories: CategoryView[];
  onSaved(template: ResponseTemplate): void;
  onCancel(): void;
}) {
  const { t, locale } = useT();
  const [title, setTitle] = useState(template?.title ?? '');
  const [templateLocale, setTemplateLocale] = useState(template?.locale ?? locale);
  const [categoryCode, setCategoryCode] = useState(template?.categoryCode ?? '');
  const [status, setStatus] = useState(template?.status ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [styleNotes, setStyleNotes] = useState(template?.styleNotes ?? '');
  const [active, setActive] = useState(template?.active ?? true);
  const fields: FormFields = useMemo(
    () => ({
      title: { id: 'template-title', label: t('admin.templates.titleField') },
      locale: { id: 'template-locale', label: t('admin.templates.locale') },
      categoryCode: { id: 'template-category', label: t('admin.templates.category') },
      status: { id: 'template-status', label: t('admin.templates.status') },
      body: { id: 'template-body', label: t('admin.templates.body') },
      styleNotes: { id: 'template-notes', label: t('admin.templates.styleNotes') },
      active: { id: 'template-active', label: t('admin.field.active') },
    }),
    [t],
  );
  const form = useApiForm(fields);

  const submit = async () => {
    const input = {
      title: title.trim(),
      locale: templateLocale,
      categoryCode: categoryCode || null,
      status: status || null,
      body,
      styleNotes,
      active,
    };
    const result = await form.run(() =>
      template ? adminApi.updateTemplate(template.id, input) : adminApi.createTemplate(input),
    );
    if (result) onSaved(result);
  };

  return (
    <ApiFormView
      form={form}
      submitLabel={template ? t('admin.saveChanges') : t('admin.templates.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <TextField id="template-title" label={t('admin.templates.titleField')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.error('template-title')} />
      <div className="form-row">
        <SelectField
          id="template-locale"
          label={t('admin.templates.locale')}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          value={templateLocale}
          onChange={(e) => setTemplateLocale(e.target.value as typeof templateLocale)}
          error={form.error('template-locale')}
        />
        <SelectField
          id="template-category"
          label={t('admin.templates.category')}
          placeholder={t('admin.templates.allCategories')}
          options={categories.map((c) => ({ value: c.code, label: c.name }))}
          value={categoryCode}
          onChange={(e) => setCategoryCode(e.target.value)}
          error={form.error('template-category')}
        />
        <SelectField
          id="template-status"
          label={t('admin.templates.status')}
          placeholder={t('admin.templates.anyStatus')}
          options={REPORT_STATUSES.map((s) => ({ value: s, label: t(statusLabel(s)) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          error={form.error('template-status')}
        />
      </div>
      <TextAreaField
        id="template-body"
        label={t('admin.templates.body')}
        hint={t('admin.templates.bodyHint', { placeholders: TEMPLATE_PLACEHOLDERS.join(', ') })}
        lang={templateLocale}
        rows={6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={form.error('template-body')}
      />
      <TextAreaField
        id="template-notes"
        label={t('admin.templates.styleNotes')}
        hint={t('admin.templates.styleNotesHint')}
        rows={3}
        value={styleNotes}
        onChange={(e) => setStyleNotes(e.target.value)}
        error={form.error('template-notes')}
      />
      <CheckboxField
        id="template-active"
        label={t('admin.field.active')}
        checked={active}
        onChange={(e) => setActive(e.target.checked)}
        error={form.error('template-active')}
      />
    </ApiFormView>
  );
}
