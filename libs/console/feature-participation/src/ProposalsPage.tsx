import { PROPOSAL_STATUSES, type ProposalSummary } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { DataTable, SelectField, type Column } from '@plaza/web/ui';
import { useState } from 'react';
import { proposalsApi, useLoad } from '@plaza/console/data-access';
import { ConsoleLink, LoadStatus, Page } from '@plaza/console/ui';
import './participation.css';

/** Staff list of proposals; department staff get only their department's (the API filters). */
export function ProposalsPage() {
  const { t } = useT();
  const [status, setStatus] = useState('under_evaluation');
  const [state, reload] = useLoad(() => proposalsApi.list(status), [status]);
  const columns: Column<ProposalSummary>[] = [
    {
      id: 'title',
      header: t('participation.proposals.field.title'),
      rowHeader: true,
      cell: (p) => <ConsoleLink href={`/proposals/${p.id}`}>{p.title}</ConsoleLink>,
    },
    { id: 'status', header: t('participation.proposals.field.status'), cell: (p) => t(`participation.proposalStatus.${p.status}`) },
    { id: 'theme', header: t('participation.proposals.field.theme'), cell: (p) => p.theme.name },
    { id: 'supports', header: t('participation.proposals.field.supports'), cell: (p) => p.supports },
  ];
  return (
    <Page title={t('participation.proposals.title')}>
      <SelectField
        id="proposal-status"
        label={t('participation.proposals.field.status')}
        value={status}
        onChange={(event) => setStatus(event.target.value)}
        options={[
          { value: '', label: t('participation.proposals.allStatuses') },
          ...PROPOSAL_STATUSES.map((value) => ({ value, label: t(`participation.proposalStatus.${value}`) })),
        ]}
      />
      <LoadStatus state={state} onRetry={reload} />
      <DataTable
        caption={t('participation.proposals.caption', { count: state.data?.total ?? 0 })}
        columns={columns}
        rows={state.data?.items ?? []}
        rowKey={(p) => String(p.id)}
        empty={t('participation.proposals.empty')}
      />
    </Page>
  );
}
