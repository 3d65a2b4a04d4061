import { useT } from '@plaza/web/i18n';
import { Link } from 'wouter';
import { appHref } from '@plaza/map/util';
import { proposalKey } from './popup-opener';
import type { ProposalLayerData } from './useProposalLayer';

interface ProposalLayerPanelProps {
  enabled: boolean;
  data: ProposalLayerData;
  onToggle(on: boolean): void;
  onShow(id: number): void;
}

/**
 * The proposals layer beside the reports: a switch for the map layer, and the proposals in view as
 * a list of their own (the map's equal, as for reports), most supported first.
 */
export function ProposalLayerPanel({ enabled, data, onToggle, onShow }: ProposalLayerPanelProps) {
  const { t, formatNumber } = useT();
  const status =
    data.state === 'error'
      ? t('proposalLayer.error')
      : data.state === 'loading'
        ? t('reports.loading')
        : data.state === 'ready'
          ? t('proposalLayer.count', { count: data.visible.length })
          : '';
  return (
    <section className="proposal-layer" aria-labelledby="map-proposals-heading">
      <h2 id="map-proposals-heading">{t('proposalLayer.heading')}</h2>
      <div className="proposal-layer__toggle">
        <input
          id="map-proposals-toggle"
          type="checkbox"
          checked={enabled}
          onChange={(event) => onToggle(event.target.checked)}
        />
        <label htmlFor="map-proposals-toggle">{t('proposalLayer.toggle')}</label>
      </div>
      <p role="status" className="reports-panel__status">
        {status}
      </p>
      {data.truncated && <p className="reports-panel__note">{t('proposalLayer.more')}</p>}
      {enabled && data.visible.length > 0 && (
        <ol className="proposal-layer__list">
          {data.visible.map((proposal) => (
            <li key={proposal.id} className="proposal-layer__item">
              <h3 className="report-card__title">
                <Link href={appHref(`/proposals/${proposal.id}`)}>{proposal.title}</Link>
              </h3>
              <dl className="facts proposal-layer__meta">
                <dt>{t('reports.status')}</dt>
                <dd>{t(`proposalStatus.${proposal.status}`)}</dd>
                <dt>{t('proposal.supportTitle')}</dt>
                <dd>{formatNumber(proposal.supports)}</dd>
              </dl>
              <button
                type="button"
                className="button"
                aria-label={t('proposalLayer.showOnMapLabel', { title: proposal.title })}
                data-popup-key={proposalKey(proposal.id)}
                onClick={() => onShow(proposal.id)}
              >
                {t('proposalLayer.showOnMap')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
