import { useT } from '@plaza/web/i18n';
import { useEffect } from 'react';
import { Link } from 'wouter';
import { appHref } from '@plaza/map/util';

export function NotFoundPage() {
  const { t } = useT();
  const title = t('notFound.title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <main id="main" tabIndex={-1} className="page-content">
      <h1>{title}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href={appHref('/')}>{t('nav.backToMap')}</Link>
      </p>
    </main>
  );
}
