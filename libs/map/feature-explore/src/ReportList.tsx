import { useT } from '@plaza/web/i18n';
import { Button, CategoryIcon } from '@plaza/web/ui';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { appHref, statusColour, statusKey } from '@plaza/map/util';
import type { CategoryInfo } from './ExploreMap';
import { reportKey } from './popup-opener';
import type { ReportSummary } from './report-summary';
import { LIST_PAGE } from './useExploreData';

interface ReportListProps {
  reports: ReportSummary[];
  categories: ReadonlyMap<string, CategoryInfo>;
  /** More reports exist on the server than are loaded (the map shows grid counts). */
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  onShow(ref: string): void;
}

/** The reports in view as a list: the map's equal, not its decoration. Newest first, 50 at a time. */
export function ReportList({ reports, categories, hasMore, loadingMore, onLoadMore, onShow }: ReportListProps) {
  const { t, formatDate, formatNumber } = useT();
  const [visible, setVisible] = useState(LIST_PAGE);
  const listRef = useRef<HTMLOListElement>(null);
  // After "show more", focus goes to the first new report, so keyboard users read on from there.
  const focusFrom = useRef<number | null>(null);
  // A new view or filter starts the list again from its top.
  useEffect(() => setVisible(LIST_PAGE), [reports[0]?.ref, reports.length === 0]);
  useEffect(() => {
    const index = focusFrom.current;
    if (index === null) return;
    const link = listRef.current?.children[index]?.querySelector('a');
    if (!link) return;
    focusFrom.current = null;
    link.focus();
  });
  const showMore = () => {
    focusFrom.current = visible;
    setVisible((v) => v + LIST_PAGE);
  };
  if (reports.length === 0) return null;
  const shown = reports.slice(0, visible);
  const remaining = reports.length - shown.length;
  return (
    <>
      <ol className="report-list" ref={listRef}>
        {shown.map((report) => {
          const category = categories.get(report.category);
          return (
            <li key={report.ref} className="report-card">
              <h3 className="report-card__title">
                <Link href={appHref(`/reports/${encodeURIComponent(report.ref)}`)}>{report.title}</Link>
              </h3>
              <dl className="report-card__meta">
                <dt>{t('reports.status')}</dt>
                <dd>
                  <span className="swatch" style={{ background: statusColour(report.status) }} aria-hidden="true" />
                  {t(statusKey(report.status))}
                </dd>
                <dt>{t('reports.category')}</dt>
                <dd className="report-card__category">
                  <CategoryIcon icon={category?.icon} size={18} />
                  {category?.name ?? report.category}
                </dd>
                <dt>{t('reports.createdAt')}</dt>
                <dd>
                  <time dateTime={report.createdAt}>{formatDate(report.createdAt)}</time>
                </dd>
                <dt>{t('reports.ref')}</dt>
                <dd>{report.ref}</dd>
                {report.supports > 0 && (
                  <>
                    <dt>{t('reports.supports')}</dt>
                    <dd>{formatNumber(report.supports)}</dd>
                  </>
                )}
              </dl>
              <button
                type="button"
                className="button"
                aria-label={t('reports.showOnMapLabel', { ref: report.ref, title: report.title })}
                // Focus comes back here by this key when the popup closes, even if the list was redrawn.
                data-popup-key={reportKey(report.ref)}
                onClick={() => onShow(report.ref)}
              >
                {t('reports.showOnMap')}
              </button>
            </li>
          );
        })}
      </ol>
      {remaining > 0 ? (
        <Button className="report-list__more" onClick={showMore}>
          {t('reports.showMore', { count: Math.min(remaining, LIST_PAGE) })}
        </Button>
      ) : hasMore ? (
        <Button
          className="report-list__more"
          busy={loadingMore}
          onClick={() => {
            showMore();
            onLoadMore();
          }}
        >
          {t('reports.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
