import { useT } from '@plaza/web/i18n';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { ApiError, getJson } from '@plaza/web/api-client';
import { appHref } from '../shell/app-href';
import { lastExploreHref } from '../shell/last-explore';
import { useFocusOnArrival } from '../shell/page-focus';

/**
 * The confirmation: the reference to keep, and whether the report is public yet. A reporter who
 * was not signed in is asked to check their email first: nothing is public until they confirm.
 */
export function SentPage({ reference }: { reference: string }) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(heading);
  const awaitingEmail = new URLSearchParams(useSearch()).get('confirm') === 'email';
  // The form passes the new status along; after a reload the API says whether the report is public.
  const [published, setPublished] = useState<boolean | null>(() => {
    const status = (history.state as { status?: unknown } | null)?.status;
    return typeof status === 'string' ? status !== 'unconfirmed' : null;
  });
  useEffect(() => {
    if (published !== null || awaitingEmail) return;
    getJson(`/api/v1/reports/${encodeURIComponent(reference)}`).then(
      () => setPublished(true),
      (error: unknown) => setPublished(error instanceof ApiError && error.status === 404 ? false : null),
    );
  }, [reference, published, awaitingEmail]);
  const title = awaitingEmail ? t('sent.checkEmail.title') : t('sent.title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  return (
    <main id="main" tabIndex={-1} className="page-content sent">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p className="sent__ref">
        {t('sent.refLabel')} <strong>{reference}</strong>
      </p>
      <p>{t('sent.keepRef')}</p>
      {awaitingEmail && (
        <>
          <p>{t('sent.checkEmail.body')}</p>
          <p>{t('sent.checkEmail.notPublic')}</p>
          <p>{t('sent.checkEmail.expiry')}</p>
        </>
      )}
      {!awaitingEmail && published === true && (
        <>
          <p>{t('sent.published')}</p>
          <p>
            <Link href={appHref(`/reports/${encodeURIComponent(reference)}`)} className="cta-link cta-link--inline">
              {t('sent.view')}
            </Link>
          </p>
        </>
      )}
      {!awaitingEmail && published === false && <p>{t('sent.moderation')}</p>}
      <ul className="sent__next">
        <li>
          <Link href={appHref('/new')}>{t('sent.another')}</Link>
        </li>
        <li>
          <Link href={appHref(lastExploreHref())}>{t('nav.backToMap')}</Link>
        </li>
      </ul>
    </main>
  );
}
