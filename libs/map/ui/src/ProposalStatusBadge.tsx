import type { ProposalStatus } from '@plaza/shared/contracts';
import './proposal-bits.css';
import { useT } from '@plaza/web/i18n';

// Told in words; the colour only groups: open (blue), decided for (green), against (grey-red).
const TONE: Record<ProposalStatus, string> = {
  published: 'open',
  under_evaluation: 'open',
  accepted: 'yes',
  partially_accepted: 'yes',
  in_execution: 'yes',
  completed: 'yes',
  rejected: 'no',
  withdrawn: 'no',
  hidden: 'no',
};

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useT();
  return (
    <p className={`proposal-status proposal-status--${TONE[status]}`}>
      <span className="visually-hidden">{t('proposal.status')}: </span>
      {t(`proposalStatus.${status}`)}
    </p>
  );
}
