import { statsApi } from '@plaza/map/data-access';
import { appHref, useLoad } from '@plaza/map/util';
import { useT } from '@plaza/web/i18n';
import { Link } from 'wouter';

/**
 * "This department answers in a median of N working days", linking to the department's public
 * figures (/stats/departments/{code}). Says nothing when there is no department or no answer yet
 * to measure, or when the figures cannot be loaded: it is context, never in the way of the report.
 */
export function DepartmentFigures({ reference }: { reference: string }) {
  const { t, locale } = useT();
  const [result] = useLoad(`stats-report-${reference}-${locale}`, (signal) => statsApi.report(reference, locale, signal));
  if (result.state !== 'ready') return null;
  const { department, firstResponse } = result.data;
  if (!department || firstResponse?.median == null) return null;
  return (
    <p className="report-page__department-figures">
      <Link href={appHref(`/stats/departments/${encodeURIComponent(department.code)}`)}>
        {t('stats.report.responds', { count: firstResponse.median })}
      </Link>
    </p>
  );
}
