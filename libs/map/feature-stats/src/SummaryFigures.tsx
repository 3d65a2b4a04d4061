import type { ResponseFigures } from '@plaza/shared/contracts';
import { useT } from '@plaza/web/i18n';
import { percent } from './format';

/** The few numbers a visitor came for, in words, before any chart. */
export function SummaryFigures({ reports, figures }: { reports: number; figures: ResponseFigures }) {
  const { t, formatNumber } = useT();
  const daysText = (value: number | null) =>
    value === null ? t('stats.noFigure') : t('stats.days', { count: value });
  const { withinTarget } = figures;
  return (
    <section aria-labelledby="stats-summary" className="stats-summary">
      <h2 id="stats-summary">{t('stats.summary.heading')}</h2>
      <dl className="stats-summary__list">
        <div>
          <dt>{t('stats.summary.reports')}</dt>
          <dd>{formatNumber(reports)}</dd>
        </div>
        <div>
          <dt>{t('stats.summary.firstResponse')}</dt>
          <dd>{daysText(figures.firstResponse.median)}</dd>
        </div>
        <div>
          <dt>{t('stats.summary.firstResponseP90')}</dt>
          <dd>{daysText(figures.firstResponse.p90)}</dd>
        </div>
        <div>
          <dt>{t('stats.summary.fix')}</dt>
          <dd>{daysText(figures.fix.median)}</dd>
        </div>
        <div>
          <dt>{t('stats.summary.withinTarget')}</dt>
          <dd>
            {withinTarget.share === null ? t('stats.noFigure') : percent(withinTarget.share, { formatNumber })}{' '}
            <span className="stats-summary__detail">
              {t('stats.summary.withinTargetDetail', { inTime: withinTarget.inTime, counted: withinTarget.counted })}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
