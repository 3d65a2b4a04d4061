import type { NearbyReportView } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { getJson, isAbort } from '@plaza/web/api-client';
import { SupportButton } from '../report/SupportButton';
import { appHref } from '../shell/app-href';
import { statusKey } from '../status';

interface DuplicatesProps {
  location: { lat: number; lon: number };
  category: string;
  onSupported(ref: string): void;
}

/**
 * "Is it already reported?": open reports of the same category within 150 m, each with a
 * "me too" button, so a neighbour can support the existing report instead of filing again.
 */
export function Duplicates({ location, category, onSupported }: DuplicatesProps) {
  const { t, formatDate, formatNumber } = useT();
  const [nearby, setNearby] = useState<NearbyReportView[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setNearby(null);
    const query = `lat=${location.lat}&lon=${location.lon}&category=${encodeURIComponent(category)}`;
    getJson<NearbyReportView[]>(`/api/v1/reports/nearby?${query}`, controller.signal).then(setNearby, (error: unknown) => {
      // Suggestions are a courtesy: if they fail, the visitor simply files the report.
      if (!isAbort(error)) setNearby([]);
    });
    return () => controller.abort();
  }, [location.lat, location.lon, category]);

  return (
    <section className="duplicates" aria-labelledby="duplicates-heading" aria-busy={nearby === null || undefined}>
      <h3 id="duplicates-heading">{t('duplicates.heading')}</h3>
      <p role="status">
        {nearby === null ? t('duplicates.loading') : nearby.length === 0 ? t('duplicates.none') : t('duplicates.some', { count: nearby.length })}
      </p>
      {nearby && nearby.length > 0 && (
        <ul className="duplicates__list">
          {nearby.map((report) => (
            <li key={report.ref} className="duplicates__item">
              <p className="duplicates__title">
                <Link href={appHref(`/reports/${encodeURIComponent(report.ref)}`)}>{report.title}</Link>
              </p>
              <p className="duplicates__meta">
                {[
                  t(statusKey(report.status)),
                  t('duplicates.distance', { meters: formatNumber(report.distanceMeters) }),
                  formatDate(report.createdAt),
                  report.ref,
                ].join(' · ')}
              </p>
              <SupportButton
                reference={report.ref}
                title={report.title}
                supports={report.supports ?? 0}
                onSupported={() => onSupported(report.ref)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
