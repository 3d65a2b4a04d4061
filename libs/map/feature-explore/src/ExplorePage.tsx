import { useDocumentTitle, useT, type TranslationKey } from '@plaza/web/i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCategories, useMapSettings } from '@plaza/map/data-access';
import { CITY_CENTRE, CITY_ZOOM } from '@plaza/map/ui';
import {
  type ExploreFilters,
  filtersToApiParams,
  type MapView,
  parseExploreSearch,
  proposalLayerOn,
  rememberExplore,
  rememberExploreView,
  statusColour,
  useFocusOnArrival,
  writeExploreSearch,
  writeProposalLayer,
} from '@plaza/map/util';
import { ExploreMap, type CategoryInfo, type ExploreMapHandle } from './ExploreMap';
import { FilterPanel } from './FilterPanel';
import { ProposalLayerPanel } from './ProposalLayerPanel';
import { ReportList } from './ReportList';
import { useExploreData, type ViewportQuery } from './useExploreData';
import { useProposalLayer } from './useProposalLayer';

const DEFAULT_VIEW: MapView = { lat: CITY_CENTRE[0], lon: CITY_CENTRE[1], zoom: CITY_ZOOM };

function sameView(a: MapView, b: MapView): boolean {
  const pixel = 360 / (256 * 2 ** a.zoom);
  return a.zoom === b.zoom && Math.abs(a.lat - b.lat) < 2 * pixel && Math.abs(a.lon - b.lon) < 2 * pixel;
}

/** Marks the moment the map page is usable, for infra/bench/map.mjs (time to interactive). */
function markReady(): void {
  if (performance.getEntriesByName('plaza:map-ready').length === 0) performance.mark('plaza:map-ready');
}

export function ExplorePage() {
  const { t } = useT();
  useDocumentTitle('map.title');
  const initial = useMemo(() => parseExploreSearch(location.search), []);
  const initialView = initial.view ?? DEFAULT_VIEW;
  const [filters, setFilters] = useState<ExploreFilters>(initial.filters);
  const [query, setQuery] = useState<ViewportQuery | null>(null);
  const [areasFailed, setAreasFailed] = useState(false);
  const mapRef = useRef<ExploreMapHandle>(null);
  const mainRef = useRef<HTMLElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(mainRef);
  // The view goes into the URL only once it differs from where the page opened, so an untouched
  // page keeps a clean address.
  const viewRef = useRef<MapView | null>(initial.view);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => rememberExplore(`${location.pathname}${location.search}`), []);

  const categories = useCategories();
  const settings = useMapSettings();
  const categoryInfo = useMemo(
    () => new Map<string, CategoryInfo>((categories.data ?? []).map((c) => [c.code, { name: c.name, icon: c.icon }])),
    [categories.data],
  );
  const [data, loadMore] = useExploreData(query, filtersToApiParams(filters).toString());
  const [showProposals, setShowProposals] = useState(() => proposalLayerOn(location.search));
  const proposals = useProposalLayer(query, showProposals);

  const onProposalsToggle = (on: boolean) => {
    setShowProposals(on);
    if (location.pathname !== '/') return;
    const search = writeProposalLayer(location.search, on);
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    rememberExplore(`${location.pathname}${search}`);
  };

  const syncUrl = useCallback((view: MapView | null, next: ExploreFilters) => {
    // Late map events after navigating away must not write onto another page's URL.
    if (location.pathname !== '/') return;
    const search = writeExploreSearch(location.search, view, next);
    // replaceState: panning is not a navigation; Back should leave the map, not rewind it.
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    rememberExplore(`${location.pathname}${search}`);
  }, []);

  const onViewChange = useCallback(
    (view: MapView, next: ViewportQuery) => {
      setQuery((previous) =>
        previous && previous.zoom === next.zoom && previous.bbox.every((v, i) => v.toFixed(5) === next.bbox[i]?.toFixed(5)) ? previous : next,
      );
      rememberExploreView(view);
      // Leaflet snaps the centre to whole pixels: a view within a pixel or two of the last one
      // written (or of the one the page opened at) is the same view, and the URL stays as it is.
      if (sameView(view, viewRef.current ?? initialView)) return;
      viewRef.current = view;
      syncUrl(view, filtersRef.current);
    },
    [initialView, syncUrl],
  );

  const onFiltersChange = (next: ExploreFilters) => {
    setFilters(next);
    syncUrl(viewRef.current, next);
  };

  const status =
    data.state === 'error'
      ? t('reports.error')
      : data.total === null
        ? t('reports.loading')
        : data.total === 0
          ? t('reports.empty')
          : t('reports.count', { count: data.total });

  const announcement = useSettledAnnouncement(data.state === 'loading' ? null : status);

  return (
    <main id="main" ref={mainRef} tabIndex={-1} className="map-layout">
      {/* The map is one tab stop, but the list is the easier keyboard path: one Tab away. */}
      <a
        className="skip-link"
        href="#reports-heading"
        onClick={(event) => {
          event.preventDefault();
          listHeading.current?.focus();
        }}
      >
        {t('a11y.skipToList')}
      </a>
      <ExploreMap
        ref={mapRef}
        initialView={initialView}
        data={data}
        proposals={proposals.markers}
        categories={categoryInfo}
        tiles={settings.data?.tiles ?? null}
        onViewChange={onViewChange}
        onAreasError={() => setAreasFailed(true)}
        onFirstRender={markReady}
      />
      <section className="reports-panel" aria-labelledby="reports-heading">
        <h2 id="reports-heading" ref={listHeading} tabIndex={-1}>
          {t('reports.heading')}
        </h2>
        <FilterPanel filters={filters} categories={categories.data} onChange={onFiltersChange} />
        {/* Shown at once; announced only once the map has settled (see useSettledAnnouncement). */}
        <p className="reports-panel__status" aria-busy={data.state === 'loading' || undefined}>
          {status}
        </p>
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
        {data.mode === 'cells' && data.state !== 'error' && (
          <p className="reports-panel__note">{t('reports.dense')}</p>
        )}
        {areasFailed && <p className="reports-panel__note">{t('map.areasError')}</p>}
        <Legend proposals={showProposals} />
        <ReportList
          reports={data.visible}
          categories={categoryInfo}
          hasMore={data.hasMore}
          loadingMore={data.loadingMore}
          onLoadMore={loadMore}
          onShow={(ref) => mapRef.current?.showReport(ref)}
        />
        <ProposalLayerPanel
          enabled={showProposals}
          data={proposals}
          onToggle={onProposalsToggle}
          onShow={(id) => mapRef.current?.showProposal(id)}
        />
      </section>
    </main>
  );
}

// How long the count must stay the same before it is read out.
const SETTLE_MS = 1_000;

/**
 * The count for screen readers: a polite live region re-read its text at every small pan (and
 * flashed "loading" in between). Now it changes only when the map has settled for a second on a
 * count different from the last one read; `null` (loading) never interrupts.
 */
function useSettledAnnouncement(text: string | null): string {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (text === null || text === announced) return undefined;
    const timer = setTimeout(() => setAnnounced(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, announced]);
  return announced;
}

/** What the marker colours and shapes mean; each marker and list entry also says its status in words. */
function Legend({ proposals }: { proposals: boolean }) {
  const { t } = useT();
  const items: Array<[string, TranslationKey, boolean]> = [
    [statusColour('confirmed'), 'legend.open', false],
    [statusColour('in_progress'), 'legend.inProgress', false],
    [statusColour('fixed'), 'legend.fixed', true],
    [statusColour('closed'), 'legend.closed', false],
  ];
  return (
    <ul className="legend" aria-label={t('legend.label')}>
      {items.map(([colour, key, tick]) => (
        <li key={key}>
          <span className="swatch" style={{ background: colour }} aria-hidden="true" />
          {t(key)}
          {tick && <span aria-hidden="true"> ✓</span>}
        </li>
      ))}
      {/* The bubbles with a number are not reports of their own: say what they are. */}
      <li>
        <span className="legend__cluster" aria-hidden="true">
          3
        </span>
        {t('legend.cluster')}
      </li>
      {proposals && (
        <>
          <li>
            <span className="legend__report" aria-hidden="true" />
            {t('proposalLayer.legendReport')}
          </li>
          <li>
            <span className="legend__proposal" aria-hidden="true">
              P
            </span>
            {t('proposalLayer.legend')}
          </li>
        </>
      )}
    </ul>
  );
}
