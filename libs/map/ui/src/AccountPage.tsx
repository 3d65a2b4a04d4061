import { useT } from '@plaza/web/i18n';
import { useEffect, useRef, type ReactNode } from 'react';
import { useFocusOnArrival } from '@plaza/map/util';

/** The frame of the account pages: main landmark, a focusable h1 that gets focus on arrival, the tab title. */
export function AccountPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <main id="main" tabIndex={-1} className="page-content account-page">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
