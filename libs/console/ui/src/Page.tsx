import { useT } from '@plaza/web/i18n';
import { useEffect, type ReactNode } from 'react';

export interface PageProps {
  /** The h1, already translated. */
  title: string;
  /** The whole <title>; by default "title · Plaza · Consola de moderación". */
  documentTitle?: string;
  children?: ReactNode;
}

/** One page of the console: its h1 (focusable, so navigation can land on it) and its <title>. */
export function Page({ title, documentTitle, children }: PageProps) {
  const { t } = useT();
  const fullTitle = documentTitle ?? `${title} · ${t('console.pageTitle')}`;
  useEffect(() => {
    document.title = fullTitle;
  }, [fullTitle]);
  return (
    <>
      <h1 tabIndex={-1} className="page-title">
        {title}
      </h1>
      {children}
    </>
  );
}
