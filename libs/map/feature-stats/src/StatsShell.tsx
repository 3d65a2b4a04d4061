import { useT } from '@plaza/web/i18n';
import { Button } from '@plaza/web/ui';
import { appHref, useFocusOnArrival, type Loadable } from '@plaza/map/util';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'wouter';

/**
 * Every /stats page: the heading (focused on arrival, titled in the tab), the way between the
 * city, the service page and open data, and the loading / not-found / error states.
 */
export function StatsShell<T>({
  result,
  title,
  notFound,
  reload,
  children,
}: {
  result: Loadable<T>;
  /** The page's heading once loaded (a district's or department's name). */
  title(data: T | null): string;
  notFound: string;
  reload(): void;
  children(data: T): ReactNode;
}) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, result.state !== 'loading');
  const heading =
    result.state === 'ready'
      ? title(result.data)
      : result.state === 'not-found'
        ? notFound
        : result.state === 'error'
          ? t('stats.loadError')
          : title(null);
  useEffect(() => {
    document.title = `${heading} · ${t('app.name')}`;
  }, [heading, t]);

  return (
    <main id="main" tabIndex={-1} className="page-content stats-page">
      <nav aria-label={t('stats.nav.label')} className="stats-nav">
        <ul>
          <li>
            <Link href={appHref('/stats')}>{t('stats.links.city')}</Link>
          </li>
          <li>
            <Link href={appHref('/stats/service')}>{t('stats.links.service')}</Link>
          </li>
          <li>
            <a href="/api/v1/open-data/catalog.json">{t('stats.links.openData')}</a>
          </li>
        </ul>
      </nav>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading}
      </h1>
      {result.state === 'loading' && <p role="status">{t('page.loading')}</p>}
      {result.state === 'error' && <Button onClick={reload}>{t('page.retry')}</Button>}
      {result.state === 'ready' && children(result.data)}
    </main>
  );
}
