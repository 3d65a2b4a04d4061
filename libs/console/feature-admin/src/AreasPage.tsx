import type { AdminArea, AreaUploadResult } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { DataTable, FileField, StatusMessage, type Column } from '@plaza/web/ui';
import { useMemo, useRef, useState } from 'react';
import { adminApi, useLoad } from '@plaza/console/data-access';
import { ApiFormView, type FormFields, LoadStatus, NO_ERRORS, Page, useApiForm } from '@plaza/console/ui';

export function AreasPage() {
  const { t, formatNumber } = useT();
  const [state, reload] = useLoad(() => adminApi.areas());
  const [result, setResult] = useState<AreaUploadResult | null>(null);
  const areas = [...(state.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  const columns: Column<AdminArea>[] = [
    { id: 'name', header: t('admin.field.name'), rowHeader: true, cell: (a) => a.name },
    { id: 'code', header: t('admin.field.code'), cell: (a) => <code>{a.code}</code> },
    { id: 'kind', header: t('admin.areas.kind'), cell: (a) => a.kind },
    {
      id: 'size',
      header: t('admin.areas.size'),
      align: 'end',
      cell: (a) => t('admin.areas.km2', { value: formatNumber(a.areaM2 / 1e6, { maximumFractionDigits: 2 }) }),
    },
  ];

  return (
    <Page title={t('admin.areas.title')}>
      <p className="lead">{t('admin.areas.summary')}</p>
      <section className="card" aria-labelledby="areas-upload-heading">
        <h2 id="areas-upload-heading">{t('admin.areas.uploadHeading')}</h2>
        <UploadForm
          onUploaded={(uploaded) => {
            setResult(uploaded);
            reload();
          }}
        />
        <StatusMessage>{result ? <UploadSummary result={result} /> : null}</StatusMessage>
      </section>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.areas.caption', { count: areas.length })}
        columns={columns}
        rows={areas}
        rowKey={(a) => a.id}
        empty={t('admin.areas.empty')}
      />
    </Page>
  );
}

function UploadSummary({ result }: { result: AreaUploadResult }) {
  const { t } = useT();
  const names = (areas: AdminArea[]) => areas.map((a) => a.name).join(', ');
  return (
    <span className="upload-summary">
      <span>{t('admin.areas.resultCounts', { created: result.created.length, updated: result.updated.length, repaired: result.repaired.length })}</span>
      {result.created.length > 0 && <span>{t('admin.areas.createdList', { names: names(result.created) })}</span>}
      {result.updated.length > 0 && <span>{t('admin.areas.updatedList', { names: names(result.updated) })}</span>}
      {result.repaired.map((repair) => (
        <span key={repair.code}>{t('admin.areas.repairedItem', { code: repair.code, reason: repair.reason })}</span>
      ))}
    </span>
  );
}

function UploadForm({ onUploaded }: { onUploaded(result: AreaUploadResult): void }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const fields: FormFields = useMemo(
    () => ({
      file: { id: 'areas-file', label: t('admin.areas.file') },
      // Problems inside the file (`features[3].geometry`) are listed in the summary with their path.
    }),
    [t],
  );
  const form = useApiForm(fields);
  const fileError = (message: string) =>
    form.fail({ ...NO_ERRORS, byId: { 'areas-file': message }, items: [{ targetId: 'areas-file', message: `${t('admin.areas.file')}: ${message}` }] });

  const submit = async () => {
    if (!file) return fileError(t('admin.areas.fileMissing'));
    const uploaded = await form.run(() => adminApi.uploadAreas(file));
    if (!uploaded) return;
    if (input.current) input.current.value = '';
    setFile(null);
    onUploaded(uploaded);
  };

  return (
    <ApiFormView form={form} label={t('admin.areas.uploadHeading')} submitLabel={t('admin.areas.upload')} onSubmit={() => void submit()}>
      <FileField
        ref={input}
        id="areas-file"
        label={t('admin.areas.file')}
        hint={t('admin.areas.fileHint')}
        accept=".geojson,.json,application/geo+json,application/json"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        error={form.error('areas-file')}
      />
    </ApiFormView>
  );
}
