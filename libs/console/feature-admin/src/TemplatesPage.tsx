import { LOCALES, REPORT_STATUSES, type CategoryView, type Locale, type ResponseTemplateGroup } from '@plaza/shared/contracts';
import { LOCALE_NAMES, useT, type TranslationKey } from '@plaza/web/i18n';
import { Button, CheckboxField, DataTable, Dialog, SelectField, StatusMessage, TextAreaField, TextField, type Column } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, referenceApi, useLoad } from '@plaza/console/data-access';
import { ApiFormView, ConfirmDialog, type FormFields, LoadStatus, Page, useApiForm, YesNo } from '@plaza/console/ui';

/** Placeholders the moderation console fills in when a template is used. */
export const TEMPLATE_PLACEHOLDERS = ['{ref}', '{category}', '{department}', '{date}'];

const statusLabel = (status: string): TranslationKey => `status.${status}` as TranslationKey;

/** A template's title in the language on screen, else Spanish, else any language it has. */
function titleIn(group: ResponseTemplateGroup, locale: string): string {
  const texts = group.texts;
  return (texts[locale as Locale] ?? texts.es ?? Object.values(texts)[0])?.title ?? '';
}

export function TemplatesPage() {
  const { t, locale } = useT();
  // Community managers manage templates too (the API lets them): the category names come from the
  // public catalogue, not the administrators' category list they may not read.
  const [state, reload] = useLoad(() => Promise.all([adminApi.templateGroups(), referenceApi.categories()]));
  const [templates, categories] = state.data ?? [[], []];
  const [editing, setEditing] = useState<ResponseTemplateGroup | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ResponseTemplateGroup | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const categoryName = (code: string | null) => {
    if (code === null) return t('admin.templates.allCategories');
    const category = categories.find((c) => c.code === code);
    return category ? category.name : code;
  };

  const columns: Column<ResponseTemplateGroup>[] = [
    { id: 'title', header: t('admin.templates.titleField'), rowHeader: true, cell: (tpl) => titleIn(tpl, locale) },
    {
      id: 'languages',
      header: t('languages.templates.languages'),
      cell: (tpl) => {
        const missing = LOCALES.filter((l) => !tpl.texts[l]);
        return missing.length === 0
          ? t('languages.templates.allLanguages')
          : t('languages.templates.missing', { languages: missing.map((l) => LOCALE_NAMES[l]).join(', ') });
      },
    },
    { id: 'category', header: t('admin.templates.category'), cell: (tpl) => categoryName(tpl.categoryCode) },
    { id: 'status', header: t('admin.templates.status'), cell: (tpl) => (tpl.status ? t(statusLabel(tpl.status)) : '—') },
    { id: 'active', header: t('admin.field.active'), cell: (tpl) => <YesNo value={tpl.active} /> },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (tpl) => (
        <span className="row-actions">
          <Button variant="link" onClick={() => setEditing(tpl)}>
            {t('admin.editNamed', { name: titleIn(tpl, locale) })}
          </Button>
          <Button variant="link" onClick={() => setDeleting(tpl)}>
            {t('admin.deleteNamed', { name: titleIn(tpl, locale) })}
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
              setSaved(t('admin.templates.saved', { name: titleIn(template, locale) }));
              reload();
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.templates.deleteTitle')}
        body={deleting ? t('admin.templates.deleteBody', { name: titleIn(deleting, locale) }) : ''}
        confirmLabel={t('admin.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await adminApi.deleteTemplateGroup(deleting.id);
          setSaved(t('admin.templates.deleted', { name: titleIn(deleting, locale) }));
          reload();
        }}
      />
    </Page>
  );
}

type TextDraft = { title: string; body: string; styleNotes: string };

function TemplateForm({
  template,
  categories,
  onSaved,
  onCancel,
}: {
  template: ResponseTemplateGroup | null;
  categories: CategoryView[];
  onSaved(template: ResponseTemplateGroup): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const [categoryCode, setCategoryCode] = useState(template?.categoryCode ?? '');
  const [status, setStatus] = useState(template?.status ?? '');
  const [active, setActive] = useState(template?.active ?? true);
  const [texts, setTexts] = useState<Record<Locale, TextDraft>>(
    () =>
      Object.fromEntries(
        LOCALES.map((l) => {
          const text = template?.texts[l];
          return [l, { title: text?.title ?? '', body: text?.body ?? '', styleNotes: text?.styleNotes ?? '' }];
        }),
      ) as Record<Locale, TextDraft>,
  );
  const setText = (l: Locale, patch: Partial<TextDraft>) => setTexts((current) => ({ ...current, [l]: { ...current[l], ...patch } }));
  const fields: FormFields = useMemo(() => {
    const byLanguage: FormFields = {};
    for (const l of LOCALES) {
      const name = LOCALE_NAMES[l];
      byLanguage[`texts.${l}`] = { id: `template-${l}-title`, label: name };
      byLanguage[`texts.${l}.title`] = { id: `template-${l}-title`, label: `${t('admin.templates.titleField')} (${name})` };
      byLanguage[`texts.${l}.body`] = { id: `template-${l}-body`, label: `${t('admin.templates.body')} (${name})` };
      byLanguage[`texts.${l}.styleNotes`] = { id: `template-${l}-notes`, label: `${t('admin.templates.styleNotes')} (${name})` };
    }
    return {
      categoryCode: { id: 'template-category', label: t('admin.templates.category') },
      status: { id: 'template-status', label: t('admin.templates.status') },
      active: { id: 'template-active', label: t('admin.field.active') },
      texts: { id: 'template-es-title', label: t('languages.templates.texts') },
      ...byLanguage,
    };
  }, [t]);
  const form = useApiForm(fields);

  const submit = async () => {
    const input = {
      categoryCode: categoryCode || null,
      status: status || null,
      active,
      texts: Object.fromEntries(
        LOCALES.map((l) => [l, { title: texts[l].title.trim(), body: texts[l].body, styleNotes: texts[l].styleNotes }]),
      ) as Record<Locale, TextDraft>,
    };
    const result = await form.run(() => (template ? adminApi.updateTemplateGroup(template.id, input) : adminApi.createTemplateGroup(input)));
    if (result) onSaved(result);
  };

  return (
    <ApiFormView
      form={form}
      submitLabel={template ? t('admin.saveChanges') : t('admin.templates.create')}
      onSubmit={() => void submit()}
      actions={<Button onClick={onCancel}>{t('console.cancel')}</Button>}
    >
      <div className="form-row">
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
      <CheckboxField
        id="template-active"
        label={t('admin.field.active')}
        checked={active}
        onChange={(e) => setActive(e.target.checked)}
        error={form.error('template-active')}
      />
      <p className="hint">{t('languages.templates.textsHint', { placeholders: TEMPLATE_PLACEHOLDERS.join(', ') })}</p>
      {LOCALES.map((l) => (
        // The labels stay in the language on screen; the legend and what is typed are in `l`.
        <fieldset key={l} className="ui-fieldset template-language">
          <legend lang={l}>{LOCALE_NAMES[l]}</legend>
          <TextField
            id={`template-${l}-title`}
            label={t('admin.templates.titleField')}
            lang={l}
            value={texts[l].title}
            maxLength={120}
            onChange={(e) => setText(l, { title: e.target.value })}
            error={form.error(`template-${l}-title`)}
          />
          <TextAreaField
            id={`template-${l}-body`}
            label={t('admin.templates.body')}
            lang={l}
            rows={6}
            value={texts[l].body}
            onChange={(e) => setText(l, { body: e.target.value })}
            error={form.error(`template-${l}-body`)}
          />
          <TextAreaField
            id={`template-${l}-notes`}
            label={t('admin.templates.styleNotes')}
            hint={t('admin.templates.styleNotesHint')}
            lang={l}
            rows={2}
            value={texts[l].styleNotes}
            onChange={(e) => setText(l, { styleNotes: e.target.value })}
            error={form.error(`template-${l}-notes`)}
          />
        </fieldset>
      ))}
    </ApiFormView>
  );
}
