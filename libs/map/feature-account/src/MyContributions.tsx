import { useT } from '@plaza/web/i18n';
import type { AccountData } from '@plaza/shared/contracts';
import { Link } from 'wouter';
import { appHref, statusKey } from '@plaza/map/util';

/** "My reports" and "My proposals" with their status: on the account page and the data page. */
export function MyContributions({ data, headingLevel = 2 }: { data: Pick<AccountData, 'reports' | 'proposals'>; headingLevel?: 2 | 3 }) {
  const { t } = useT();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <section aria-labelledby="my-reports" className="account-card">
        <Heading id="my-reports">{t('privacy.reports.heading')}</Heading>
        {data.reports.length === 0 ? (
          <p>{t('privacy.reports.empty')}</p>
        ) : (
          <ul className="my-list">
            {data.reports.map((report) => (
              <li key={report.ref}>
                <Link href={appHref(`/reports/${report.ref}`)}>{report.title}</Link>{' '}
                <span className="my-list__meta">
                  {report.ref} · {t(statusKey(report.status))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-proposals" className="account-card">
        <Heading id="my-proposals">{t('privacy.proposals.heading')}</Heading>
        {data.proposals.length === 0 ? (
          <p>{t('privacy.proposals.empty')}</p>
        ) : (
          <ul className="my-list">
            {data.proposals.map((proposal) => (
              <li key={proposal.id}>
                <Link href={appHref(`/proposals/${proposal.id}`)}>{proposal.title}</Link>{' '}
                <span className="my-list__meta">{t(`proposalStatus.${proposal.status}` as 'proposalStatus.published')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
