import { useT } from '@plaza/web/i18n';
import { Button, CategoryIcon } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useCategories, useMapSettings, useReport } from '@plaza/map/data-access';
import {
  appHref,
  formatView,
  lastExploreHref,
  statusColour,
  statusKey,
  useFocusOnArrival,
} from '@plaza/map/util';
import { Comments, FollowButton, SupportButton } from '@plaza/map/ui';
import { useSessionView } from '@plaza/web/session';
import { DepartmentFigures } from './DepartmentFigures';
import { MiniMap } from './MiniMap';
import { Timeline } from './Timeline';

/** How often a page with photos being processed asks whether they are ready (a photo takes about a second). */
const PHOTO_RECHECK_MS = 3_000;

/** A report's public page: what, where, who handles it, photos and history. Nothing private. */
export function ReportPage({ reference }: { reference: string }) {
  const { t, formatDate } = useT();
  const [reload, setReload] = useState(0);
  const result = useReport(reference, reload);
  const categories = useCategories();
  const settings = useMapSettings();
  const { session } = useSessionView();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, result.state !== 'loading');

  // Photos still being processed appear by themselves: the page asks again every few seconds.
  const processing = result.state === 'ready' ? (result.report.properties.photosProcessing ?? 0) : 0;
  useEffect(() => {
    if (processing === 0) return;
    const timer = setTimeout(() => setReload((n) => n + 1), PHOTO_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [processing, reload]);

  const title =
    result.state === 'ready' ? result.report.properties.title : result.state === 'not-found' ? t('report.notFound') : t('report.title');
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  const back = (
    <p className="back-link">
      <Link href={appHref(lastExploreHref())}>{t('nav.backToMap')}</Link>
    </p>
  );

  if (result.state === 'loading') {
    return (
      <main id="main" tabIndex={-1} className="page-content">
        {back}
        <p role="status">{t('page.loading')}</p>
      </main>
    );
  }
  if (result.state !== 'ready') {
    return (
      <main id="main" tabIndex={-1} className="page-content">
        {back}
        <h1 ref={headingRef} tabIndex={-1}>
          {result.state === 'not-found' ? t('report.notFound') : t('report.loadError')}
        </h1>
        {result.state === 'not-found' ? (
          <p>{t('report.notFoundBody', { ref: reference })}</p>
        ) : (
          <Button onClick={() => setReload((n) => n + 1)}>{t('page.retry')}</Button>
        )}
      </main>
    );
  }

  const { properties: p, geometry } = result.report;
  const [lon, lat] = geometry.coordinates;
  const category = categories.data?.find((c) => c.code === p.category);
  const statusText = t(statusKey(p.status));

  return (
    <main id="main" tabIndex={-1} className="page-content report-page">
      {/* Feed readers discover this report's public updates (docs/feeds.md); React puts these in <head>. */}
      <link
        rel="alternate"
        type="application/rss+xml"
        title={t('alerts.feeds.report', { ref: p.ref })}
        href={`/feeds/reports/${encodeURIComponent(p.ref)}.rss`}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={t('alerts.feeds.report', { ref: p.ref })}
        href={`/feeds/reports/${encodeURIComponent(p.ref)}.atom`}
      />
      {back}
      <article aria-labelledby="report-title">
        <header className="report-page__header">
          <p className="status-badge" style={{ borderColor: statusColour(p.status) }}>
            <span className="swatch" style={{ background: statusColour(p.status) }} aria-hidden="true" />
            <span className="visually-hidden">{t('reports.status')}: </span>
            {statusText}
          </p>
          <h1 id="report-title" ref={headingRef} tabIndex={-1}>
            {p.title}
          </h1>
        </header>

        <div className="report-page__body">
          <div className="report-page__main">
            <dl className="facts">
              <dt>{t('reports.ref')}</dt>
              <dd>{p.ref}</dd>
              <dt>{t('reports.category')}</dt>
              <dd className="facts__category">
                <CategoryIcon icon={category?.icon} size={20} />
                {category?.name ?? p.category}
              </dd>
              <dt>{t('report.area')}</dt>
              <dd>{p.area ?? t('report.unknown')}</dd>
              {p.address && (
                <>
                  <dt>{t('report.address')}</dt>
                  <dd>{p.address}</dd>
                </>
              )}
              <dt>{t('report.department')}</dt>
              <dd>
                {p.department ?? t('report.unknown')}
                {p.department && <DepartmentFigures reference={p.ref} />}
              </dd>
              <dt>{t('reports.createdAt')}</dt>
              <dd>
                <time dateTime={p.createdAt}>{formatDate(p.createdAt, { dateStyle: 'long' })}</time>
              </dd>
              {p.updatedAt !== p.createdAt && (
                <>
                  <dt>{t('report.updatedAt')}</dt>
                  <dd>
                    <time dateTime={p.updatedAt}>{formatDate(p.updatedAt, { dateStyle: 'long' })}</time>
                  </dd>
                </>
              )}
              {/* Only present when the reporter chose to show their name; nothing else about them is public. */}
              {p.reporterName && (
                <>
                  <dt>{t('report.reportedBy')}</dt>
                  <dd>{p.reporterName}</dd>
                </>
              )}
            </dl>

            {/* Closed as a duplicate: the report to follow instead is one click away. */}
            {p.duplicateOf && (
              <p className="report-page__duplicate">
                {t('report.duplicateOf')}{' '}
                <Link href={appHref(`/reports/${encodeURIComponent(p.duplicateOf)}`)}>
                  {t('report.duplicateOfLink', { ref: p.duplicateOf })}
                </Link>
              </p>
            )}

            <h2>{t('report.description')}</h2>
            <p className="report-page__description">{p.description}</p>

            {p.photos.length > 0 && (
              <section aria-labelledby="photos-heading">
                <h2 id="photos-heading">{t('report.photos')}</h2>
                <ul className="photo-grid">
                  {p.photos.map((photo, index) => (
                    <li key={photo.url}>
                      <a href={photo.url} target="_blank" rel="noopener">
                        <img
                          src={photo.thumbnailUrl}
                          alt={t('report.photoAlt', { index: index + 1, total: p.photos.length, title: p.title })}
                          loading="lazy"
                          width={200}
                          height={150}
                        />
                        <span className="visually-hidden"> {t('report.opensNewTab')}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            )}

            {(p.photosProcessing ?? 0) > 0 && (
              // Uploaded photos are re-encoded (location data removed) before anyone sees them.
              <p className="report-page__photos-processing" role="status">
                {t('report.photosProcessing', { count: p.photosProcessing ?? 0 })}
              </p>
            )}

            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t('report.timeline')}</h2>
              <Timeline entries={p.timeline} />
            </section>
          </div>

          <aside className="report-page__aside" aria-label={t('report.asideLabel')}>
            <SupportButton reference={p.ref} title={p.title} supports={p.supports ?? 0} />
            {session && <FollowButton base={`/api/v1/reports/${encodeURIComponent(p.ref)}`} session={session} />}
            <MiniMap
              lat={lat}
              lon={lon}
              status={p.status}
              icon={category?.icon ?? null}
              label={t('map.marker', { ref: p.ref, title: p.title, status: statusText })}
              tiles={settings.data?.tiles ?? null}
            />
            <p>
              <Link href={appHref(`/?map=${formatView({ zoom: 17, lat, lon })}`)}>{t('report.seeOnBigMap')}</Link>
            </p>
            <ShareLink reference={p.ref} />
          </aside>
        </div>
      </article>
      <Comments base={`/api/v1/reports/${encodeURIComponent(p.ref)}`} session={session} />
    </main>
  );
}

function ShareLink({ reference }: { reference: string }) {
  const { t } = useT();
  const [message, setMessage] = useState<string | null>(null);
  const url = `${location.origin}/reports/${encodeURIComponent(reference)}`;
  return (
    <div className="share">
      <label htmlFor="share-url" className="ui-field__label">
        {t('report.shareLabel')}
      </label>
      <div className="share__row">
        <input id="share-url" className="ui-field__control" readOnly value={url} onFocus={(event) => event.target.select()} />
        <Button
          onClick={() =>
            navigator.clipboard?.writeText(url).then(
              () => setMessage(t('report.copied')),
              () => setMessage(t('report.copyFailed')),
            ) ?? setMessage(t('report.copyFailed'))
          }
        >
          {t('report.copy')}
        </Button>
      </div>
      <p role="status" className="share__message">
        {message}
      </p>
    </div>
  );
}
