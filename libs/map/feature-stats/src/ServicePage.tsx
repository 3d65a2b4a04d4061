import { REPORT_STATUSES } from '@plaza/shared/contracts';
import { useT, type TranslationKey } from '@plaza/web/i18n';
import { statsApi } from '@plaza/map/data-access';
import { appHref, statusKey, useLoad } from '@plaza/map/util';
import { Link } from 'wouter';
import { Figure } from './Figure';
import { BarList } from './charts/BarList';
import { StatsShell } from './StatsShell';
import './stats.css';

/** What the public sees a report go through; `unconfirmed` and `hidden` never show on the map. */
const PUBLIC_STATUSES = REPORT_STATUSES.filter((s) => s !== 'unconfirmed' && s !== 'hidden');

/** /stats/service: what each status means, in plain words, and the response target per category. */
export function ServicePage() {
  const { t, locale, formatNumber } = useT();
  const [result, reload] = useLoad(`stats-service-${locale}`, (signal) => statsApi.service(locale, signal));
  return (
    <StatsShell result={result} reload={reload} title={() => t('stats.title.service')} notFound={t('stats.loadError')}>
      {(data) => (
        <>
          <p className="stats-intro">{t('stats.service.intro')}</p>
          <section aria-labelledby="stats-statuses">
            <h2 id="stats-statuses">{t('stats.service.statuses')}</h2>
            <dl className="stats-meanings">
              {PUBLIC_STATUSES.map((status) => (
                <div key={status}>
                  <dt>{t(statusKey(status))}</dt>
                  <dd>{t(`stats.meaning.${status}` as TranslationKey)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="stats-targets">
            <h2 id="stats-targets">{t('stats.service.targets')}</h2>
            <p>{t('stats.explain.days')}</p>
            <p>{t('stats.explain.target')}</p>
            <Figure
              title={t('stats.service.targetsTable')}
              summary={t('stats.service.targetsSummary')}
              chart={
                <BarList
                  bars={data.categories.map((c) => ({
                    key: c.code,
                    label: c.name,
                    value: c.targetDays,
                    text: t('stats.days', { count: c.targetDays }),
                  }))}
                />
              }
              columns={[
                { id: 'code', header: t('stats.col.code') },
                { id: 'category', header: t('stats.col.category') },
                { id: 'target_days', header: t('stats.col.target'), numeric: true },
                { id: 'department', header: t('stats.col.department') },
              ]}
              rows={data.categories.map((c) => ({
                key: c.code,
                values: [c.code, c.name, c.targetDays, c.department?.code ?? ''],
                display: [
                  c.code,
                  c.name,
                  formatNumber(c.targetDays),
                  c.department ? (
                    <Link href={appHref(`/stats/departments/${encodeURIComponent(c.department.code)}`)}>
                      {c.department.name}
                    </Link>
                  ) : (
                    t('stats.noDepartment')
                  ),
                ],
              }))}
              file="plaza-plazos-categoria"
              tableOpen
            />
          </section>
        </>
      )}
    </StatsShell>
  );
}
