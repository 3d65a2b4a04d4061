import { isLocale, LOCALES, pickText, SEND_METHODS, type AdminDepartment, type Locale, type SendMethod } from '@plaza/shared/contracts';
import { LOCALE_NAMES, useT } from '@plaza/web/i18n';
import { Button, CheckboxField, DataTable, Dialog, SelectField, StatusMessage, TextAreaField, TextField, type Column } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { adminApi, type DepartmentDispatchInput, useLoad } from '@plaza/console/data-access';
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
import { formatServiceCodes, parseServiceCodes } from '@plaza/console/util';

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
    { id: 'send', header: t('admin.departments.sendMethodColumn'), cell: (d) => t(`admin.departments.sendMethodShort.${d.dispatch.sendMethod}`) },
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
  const [name, setName] = useState(() => localizedDraft(department?.name));
  const [contactEmail, setContactEmail] = useState(department?.contactEmail ?? '');
  const [mailLocale, setMailLocale] = useState<Locale>(department?.locale ?? 'es');
  const [active, setActive] = useState(department?.active ?? true);
  const current = department?.dispatch;
  const [sendMethod, setSendMethod] = useState<SendMethod>(current?.sendMethod ?? 'email');
  const [endpoint, setEndpoint] = useState(current?.open311Endpoint ?? '');
  // Write-only: starts empty whatever is stored; empty means "keep the stored key".
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [jurisdiction, setJurisdiction] = useState(current?.open311JurisdictionId ?? '');
  const [serviceCodes, setServiceCodes] = useState(formatServiceCodes(current?.open311ServiceCodes ?? {}));
  const [sendReporter, setSendReporter] = useState(current?.open311SendReporter ?? true);
  const fields: FormFields = useMemo(
    () => ({
      code: { id: 'department-code', label: t('admin.field.code') },
      ...localizedFormFields('name', 'department-name', t('admin.field.name')),
      contactEmail: { id: 'department-email', label: t('admin.departments.contactEmail') },
      locale: { id: 'department-locale', label: t('languages.department.mailLocale') },
      active: { id: 'department-active', label: t('admin.field.active') },
      sendMethod: { id: 'department-send-method', label: t('admin.departments.sendMethod') },
      open311Endpoint: { id: 'department-open311-endpoint', label: t('admin.departments.open311Endpoint') },
      open311ApiKey: { id: 'department-open311-key', label: t('admin.departments.open311ApiKey') },
      open311JurisdictionId: { id: 'department-open311-jurisdiction', label: t('admin.departments.open311Jurisdiction') },
      open311ServiceCodes: { id: 'department-open311-codes', label: t('admin.departments.open311ServiceCodes') },
      open311SendReporter: { id: 'department-open311-reporter', label: t('admin.departments.open311SendReporter') },
    }),
    [t],
  );
  const form = useApiForm(fields);

  const submit = async () => {
    const codes = parseServiceCodes(serviceCodes);
    if (!codes.ok) {
      form.fail({
        byId: { 'department-open311-codes': t('admin.departments.open311ServiceCodesHint') },
        items: [{ targetId: 'department-open311-codes', message: t('admin.departments.open311ServiceCodesHint') }],
        general: [],
      });
      return;
    }
    const dispatch: DepartmentDispatchInput = {
      sendMethod,
      open311Endpoint: endpoint.trim() || null,
      open311JurisdictionId: jurisdiction.trim() || null,
      open311ServiceCodes: codes.value,
      open311SendReporter: sendReporter,
      // Only a typed key (or an explicit removal) is sent; otherwise the stored one stays.
      ...(apiKey.trim() ? { open311ApiKey: apiKey.trim() } : removeKey ? { open311ApiKey: null } : {}),
    };
    const input = { name: trimDraft(name), contactEmail: contactEmail.trim(), locale: mailLocale, active, ...dispatch };
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
      <LocalizedTextFieldset
        idPrefix="department-name"
        legend={t('admin.field.name')}
        hint={t('languages.allHint')}
        value={name}
        onChange={setName}
        error={(id) => form.error(id)}
        maxLength={200}
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
      <SelectField
        id="department-locale"
        label={t('languages.department.mailLocale')}
        hint={t('languages.department.mailLocaleHint')}
        value={mailLocale}
        options={LOCALES.map((option) => ({ value: option, label: LOCALE_NAMES[option] }))}
        onChange={(event) => isLocale(event.target.value) && setMailLocale(event.target.value)}
        error={form.error('department-locale')}
      />
      <CheckboxField
        id="department-active"
        label={t('admin.field.active')}
        hint={t('admin.departments.activeHint')}
        checked={active}
        onChange={(event) => setActive(event.target.checked)}
        error={form.error('department-active')}
      />
      <SelectField
        id="department-send-method"
        label={t('admin.departments.sendMethod')}
        hint={t('admin.departments.sendMethodHint')}
        value={sendMethod}
        options={SEND_METHODS.map((method) => ({ value: method, label: t(`admin.departments.sendMethod.${method}`) }))}
        onChange={(event) => setSendMethod(event.target.value as SendMethod)}
        error={form.error('department-send-method')}
      />
      {sendMethod === 'open311' && (
        <fieldset className="ui-fieldset">
          <legend>{t('admin.departments.open311')}</legend>
          <TextField
            id="department-open311-endpoint"
            label={t('admin.departments.open311Endpoint')}
            hint={t('admin.departments.open311EndpointHint')}
            type="url"
            autoComplete="off"
            value={endpoint}
            onChange={(event) => setEndpoint(event.target.value)}
            error={form.error('department-open311-endpoint')}
          />
          <TextField
            id="department-open311-key"
            label={t('admin.departments.open311ApiKey')}
            hint={current?.open311ApiKeySet ? t('admin.departments.open311ApiKeyHintSet') : t('admin.departments.open311ApiKeyHintUnset')}
            type="password"
            autoComplete="new-password"
            value={apiKey}
            onChange={(event) => setApiKey(event.target.value)}
            error={form.error('department-open311-key')}
          />
          {current?.open311ApiKeySet && (
            <CheckboxField
              id="department-open311-key-remove"
              label={t('admin.departments.open311ApiKeyRemove')}
              checked={removeKey}
              onChange={(event) => setRemoveKey(event.target.checked)}
            />
          )}
          <TextField
            id="department-open311-jurisdiction"
            label={t('admin.departments.open311Jurisdiction')}
            autoComplete="off"
            value={jurisdiction}
            onChange={(event) => setJurisdiction(event.target.value)}
            error={form.error('department-open311-jurisdiction')}
          />
          <TextAreaField
            id="department-open311-codes"
            label={t('admin.departments.open311ServiceCodes')}
            hint={t('admin.departments.open311ServiceCodesHint')}
            rows={4}
            value={serviceCodes}
            onChange={(event) => setServiceCodes(event.target.value)}
            error={form.error('department-open311-codes')}
          />
          <CheckboxField
            id="department-open311-reporter"
            label={t('admin.departments.open311SendReporter')}
            checked={sendReporter}
            onChange={(event) => setSendReporter(event.target.checked)}
            error={form.error('department-open311-reporter')}
          />
        </fieldset>
      )}
    </ApiFormView>
  );
}
