import type { ProposalSummary } from '@plaza/shared/contracts';
import './proposal-bits.css';
import { useT } from '@plaza/web/i18n';
import { Link } from 'wouter';
import { appHref } from '@plaza/map/util';
import { ProposalStatusBadge } from './ProposalStatusBadge';

/** One proposal in the list: its title links to its page; the facts say what and where in words. */
export function ProposalCard({ proposal }: { proposal: ProposalSummary }) {
  const { t, formatNumber } = useT();
  return (
    <article className="proposal-card" aria-labelledby={`proposal-${proposal.id}-title`}>
      <h2 id={`proposal-${proposal.id}-title`} className="proposal-card__title">
        <Link href={appHref(`/proposals/${proposal.id}`)}>{proposal.title}</Link>
      </h2>
      <ProposalStatusBadge status={proposal.status} />
      <p className="proposal-card__summary">{proposal.summary}</p>
      <ul className="proposal-card__facts">
        <li>
          <span className="visually-hidden">{t('proposals.theme')}: </span>
          {proposal.theme.name}
        </li>
        <li>
          <span className="visually-hidden">{t('proposals.area')}: </span>
          {proposal.area?.name ?? t('proposals.noArea')}
        </li>
        <li>{t('proposals.supports', { count: proposal.supports })}</li>
        <li>{t('proposals.comments', { count: proposal.comments })}</li>
        {typeof proposal.distance === 'number' && (
          <li>
            {t('proposals.distance', {
              distance: formatNumber(proposal.distance / 1000, {
                style: 'unit',
                unit: 'kilometer',
                maximumFractionDigits: 1,
              }),
            })}
          </li>
        )}
      </ul>
    </article>
  );
}
