import { HOLIDAY_SCOPES, type Holiday, type HolidayScope } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { Button, DataTable, SelectField, StatusMessage, TextField, type Column } from '@plaza/web/ui';
import { useMemo, useState } from 'react';
import { casesApi, useLoad } from '@plaza/console/data-access';
import { ApiFormView, ConfirmDialog, type FormFields, LoadStatus, Page, useApiForm } from '@plaza/console/ui';

/**
 * The holiday calendar response times are counted with (national, regional and local holidays).
 * Adding or removing one moves the due dates of open cases; the API recomputes them.
 */
export function HolidaysPage() {
  const { t, formatDate } = useT();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [state, reload] = useLoad(() => casesApi.adminHolidays(year), [year]);
  const [saved, setSaved] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Holiday | null>(null);

  const columns: Column<Holiday>[] = [
    {
      id: 'date',
      header: t('admin.holidays.date'),
      rowHeader: true,
      cell: (h) => <time dateTime={h.date}>{formatDate(`${h.date}T12:00:00`, { dateStyle: 'full' })}</time>,
    },
    { id: 'name', header: t('admin.field.name'), cell: (h) => h.name },
    { id: 'scope', header: t('admin.holidays.scope'), cell: (h) => t(`admin.holidays.scope.${h.scope}`) },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (h) => (
        <Button variant="link" onClick={() => setRemoving(h)}>
          {t('admin.holidays.remove', { name: h.name })}
        </Button>
      ),
    },
  ];

  return (
    <Page title={t('admin.holidays.title')}>
      <p className="lead">{t('admin.holidays.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <section className="card" aria-labelledby="holiday-new-heading">
        <h2 id="holiday-new-heading">{t('admin.holidays.new')}</h2>
        <HolidayForm
          onSaved={(holiday) => {
            setSaved(t('admin.holidays.saved', { name: holiday.name }));
            const savedYear = Number(holiday.date.slice(0, 4));
            if (savedYear !== year) setYear(savedYear);
            else reload();
          }}
        />
      </section>
      <SelectField
        id="holiday-year"
        className="field--short"
        label={t('admin.holidays.year')}
        options={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: String(y), label: String(y) }))}
        value={String(year)}
        onChange={(event) => setYear(Number(event.target.value))}
      />
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.holidays.caption', { count: state.data?.length ?? 0, year })}
        columns={columns}
        rows={state.data ?? []}
        rowKey={(h) => h.id}
        empty={t('admin.holidays.empty')}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('admin.holidays.removeTitle')}
        body={removing ? t('admin.holidays.removeBody', { name: removing.name }) : ''}
        confirmLabel={t('admin.holidays.removeConfirm')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          await casesApi.deleteHoliday(removing.id);
          setSaved(t('admin.holidays.removed', { name: removing.name }));
          setRemoving(null);
          reload();
        }}
      />
    </Page>
  );
}

function HolidayForm({ onSaved }: { onSaved(holiday: Holiday): void }) {
  const { t } = useT();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [scope, setScope] = useState<HolidayScope>('local');
  const fields: FormFields = useMemo(
    () => ({
      date: { id: 'holiday-date', label: t('admin.holidays.date') },
      name: { id: 'holiday-name', label: t('admin.field.name') },
      scope: { id: 'holiday-scope', label: t('admin.holidays.scope') },
    }),
    [t],
  );
  const form = useApiForm(fields);
  const submit = async () => {
    const holiday = await form.run(() => casesApi.createHoliday({ date, name: name.trim(), scope }));
    if (holiday) {
      setDate('');
      setName('');
      onSaved(holiday);
    }
  };
  return (
    <ApiFormView form={form} label={t('admin.holidays.new')} submitLabel={t('admin.holidays.add')} onSubmit={() => void submit()}>
      <div className="form-row">
        <TextField id="holiday-date" type="date" label={t('admin.holidays.date')} value={date} onChange={(e) => setDate(e.target.value)} error={form.error('holiday-date')} />
        <TextField id="holiday-name" label={t('admin.field.name')} value={name} onChange={(e) => setName(e.target.value)} error={form.error('holiday-name')} />
        <SelectField
          id="holiday-scope"
          label={t('admin.holidays.scope')}
          options={HOLIDAY_SCOPES.map((s) => ({ value: s, label: t(`admin.holidays.scope.${s}`) }))}
          value={scope}
          onChange={(e) => setScope(e.target.value as HolidayScope)}
          error={form.error('holiday-scope')}
        />
      </div>
    </ApiFormView>
  );
}
