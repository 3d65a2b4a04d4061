import type { DepartmentRef, DepartmentTrust } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { AlertMessage, DataTable, StatusMessage, type Column } from '@plaza/web/ui';
import { useState } from 'react';
import { casesApi, useLoad } from '@plaza/console/data-access';
import { LoadStatus, Page, YesNo } from '@plaza/console/ui';
import { requestErrorMessage } from '@plaza/console/util';

interface Row extends DepartmentTrust {
  name: string;
}

/**
 * Which departments publish their replies and resolutions directly; the others' messages wait as
 * drafts for a community manager (issue 5, "mediated answers").
 */
export function DepartmentTrustPage() {
  const { t } = useT();
  const [state, reload] = useLoad(async (): Promise<Row[]> => {
    const [trust, departments] = await Promise.all([casesApi.departmentTrust(), casesApi.departments().catch((): DepartmentRef[] => [])]);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    return trust.map((row) => ({ ...row, name: names.get(row.departmentId) ?? row.code })).sort((a, b) => a.name.localeCompare(b.name));
  });
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (row: Row) => {
    setBusy(row.departmentId);
    setFailure(null);
    try {
      const updated = await casesApi.setDepartmentTrust(row.departmentId, !row.trustedToPublish);
      setSaved(t(updated.trustedToPublish ? 'admin.trust.nowTrusted' : 'admin.trust.nowMediated', { name: row.name }));
      reload();
    } catch (error) {
      setFailure(requestErrorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<Row>[] = [
    { id: 'name', header: t('admin.field.name'), rowHeader: true, cell: (r) => r.name },
    { id: 'trusted', header: t('admin.trust.trusted'), cell: (r) => <YesNo value={r.trustedToPublish} /> },
    {
      id: 'actions',
      header: t('admin.field.actions'),
      cell: (r) => (
        <label className="ui-check">
          <input
            type="checkbox"
            className="ui-check__box"
            checked={r.trustedToPublish}
            disabled={busy === r.departmentId}
            onChange={() => void toggle(r)}
          />
          <span className="ui-check__label">{t('admin.trust.toggle', { name: r.name })}</span>
        </label>
      ),
    },
  ];

  return (
    <Page title={t('admin.trust.title')}>
      <p className="lead">{t('admin.trust.summary')}</p>
      <StatusMessage>{saved}</StatusMessage>
      <AlertMessage>{failure}</AlertMessage>
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('admin.trust.caption', { count: state.data?.length ?? 0 })}
        columns={columns}
        rows={state.data ?? []}
        rowKey={(r) => r.departmentId}
        empty={t('admin.trust.empty')}
      />
    </Page>
  );
}
