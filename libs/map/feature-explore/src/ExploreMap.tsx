import type { ReportClusterCell, TileSettings } from '@plaza/shared/contracts';
import { useT, type Translator } from '@plaza/web/i18n';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { loadAreas } from '@plaza/map/data-access';
import { appHref, handleInternalClick, statusKey } from '@plaza/map/util';
import {
  areasLayer,
  countIcon,
  labelPopupClose,
  motionOptions,
  proposalIcon,
  reportIcon,
  translateControls,
  useTiles,
} from '@plaza/map/ui';
import { removeMap } from '@plaza/web/ui';
import L from './leaflet';
import { installMapKeyboard } from './map-keyboard';
import { POPUP_KEY, proposalKey, reportKey } from './popup-opener';
import { keepProposalsSeparate } from './proposal-offsets';
import type { MapView } from '@plaza/map/util';
import type { ReportSummary } from './report-summary';
import type { ExploreData, ViewportQuery } from './useExploreData';
import type { MapProposal } from './useProposalLayer';

export interface ExploreMapHandle {
  /** Brings a report into view (opening its cluster if needed), opens its popup and focuses it. */
  showReport(ref: string): void;
  /** Centres a proposal, opens its popup and focuses it. */
  showProposal(id: number): void;
}

export interface CategoryInfo {
  name: string;
  icon: string;
}

interface ExploreMapProps {
  ref?: Ref<ExploreMapHandle>;
  initialView: MapView;
  data: ExploreData;
  /** The proposals layer: empty when it is switched off. */
  proposals: MapProposal[];
  categories: ReadonlyMap<string, CategoryInfo>;
  tiles: TileSettings | null;
  onViewChange(view: MapView, query: ViewportQuery): void;
  onAreasError(): void;
  /** Called once, when the first reports are on the map: the page is interactive. */
  onFirstRender?(): void;
}

interface MarkerEntry {
  marker: L.Marker;
  report: ReportSummary;
}

function viewportQuery(map: L.Map): ViewportQuery {
  const b = map.getBounds();
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return {
    bbox: [clamp(b.getWest(), 180), clamp(b.getSouth(), 85), clamp(b.getEast(), 180), clamp(b.getNorth(), 85)],
    zoom: map.getZoom(),
  };
}

/** Names what a marker stands for on its element, each time the map (or markercluster) draws it anew. */
function withPopupKey(marker: L.Marker, key: string): L.Marker {
  marker.on('add', () => marker.getElement()?.setAttribute(POPUP_KEY, key));
  return marker;
}

/** A marker whose popup is open, or that has focus (the popup was just closed back to it). */
function inUse(marker: L.Marker): boolean {
  // getElement() is null, not undefined, once the marker has been taken off the map.
  return marker.isPopupOpen() || Boolean(marker.getElement()?.contains(document.activeElement));
}

/** The same view to the precision ExplorePage compares views at (a new query only past it). */
function sameQuery(a: ViewportQuery, b: ViewportQuery): boolean {
  return a.zoom === b.zoom && a.bbox.every((v, i) => v.toFixed(5) === b.bbox[i]?.toFixed(5));
}

function markerLabel(report: ReportSummary, i18n: Translator): string {
  return i18n.t('map.marker', { ref: report.ref, title: report.title, status: i18n.t(statusKey(report.status)) });
}

function proposalLabel(proposal: MapProposal, i18n: Translator): string {
  return i18n.t('proposalLayer.marker', { title: proposal.title, status: i18n.t(`proposalStatus.${proposal.status}`) });
}

/** A proposal's popup: what it is, where it stands, a link to its page. Text only, as for reports. */
function proposalPopup(proposal: MapProposal, i18n: Translator): HTMLElement {
  const root = document.createElement('div');
  root.className = 'report-popup proposal-popup';
  root.tabIndex = -1;
  const title = document.createElement('p');
  title.className = 'report-popup__title';
  title.textContent = proposal.title;
  const meta = document.createElement('p');
  meta.textContent = [
    i18n.t('nav.proposals'),
    `${i18n.t('reports.status')}: ${i18n.t(`proposalStatus.${proposal.status}`)}`,
    i18n.t('proposals.supports', { count: proposal.supports }),
  ].join(' · ');
  const link = document.createElement('a');
  const href = appHref(`/proposals/${proposal.id}`);
  link.href = href;
  link.className = 'report-popup__link';
  link.textContent = i18n.t('proposalLayer.open');
  link.addEventListener('click', (event) => handleInternalClick(event, href));
  root.append(title, meta, link);
  return root;
}

// Built with textContent, never HTML strings: titles are citizens' input.
function popupContent(report: ReportSummary, categories: ReadonlyMap<string, CategoryInfo>, i18n: Translator): HTMLElement {
  const root = document.createElement('div');
  root.className = 'report-popup';
  root.tabIndex = -1;
  const title = document.createElement('p');
  title.className = 'report-popup__title';
  title.textContent = report.title;
  const meta = document.createElement('p');
  meta.textContent = [
    `${i18n.t('reports.ref')}: ${report.ref}`,
    `${i18n.t('reports.status')}: ${i18n.t(statusKey(report.status))}`,
    `${i18n.t('reports.category')}: ${categories.get(report.category)?.name ?? report.category}`,
    `${i18n.t('reports.createdAt')} ${i18n.formatDate(report.createdAt)}`,
  ].join(' · ');
  const link = document.createElement('a');
  const href = appHref(`/reports/${encodeURIComponent(report.ref)}`);
  link.href = href;
  link.className = 'report-popup__link';
  link.textContent = i18n.t('reports.open');
  link.addEventListener('click', (event) => handleInternalClick(event, href));
  root.append(title, meta, link);
  return root;
}

export function ExploreMap({ ref, initialView, data, proposals, categories, tiles, onViewChange, onAreasError, onFirstRender }: ExploreMapProps) {
  const i18n = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const clusterRef = useRef<L.MarkerClusterGroup | null>(null);
  const cellLayerRef = useRef<L.LayerGroup | null>(null);
  const proposalLayerRef = useRef<L.LayerGroup | null>(null);
  const proposalMarkersRef = useRef(new Map<number, { marker: L.Marker; proposal: MapProposal }>());
  const markersRef = useRef(new Map<string, MarkerEntry>());
  // The refs of the reports loaded now: a marker outside them is only kept while in use (inUse).
  const loadedRefsRef = useRef(new Set<string>());
  const cellsRef = useRef(new Map<string, { marker: L.Marker; count: number }>());
  // A report asked for from the list that is not drawn yet: opened once it is (see showReport).
  const pendingShowRef = useRef<ReportSummary | null>(null);
  // Where the map still draws grid counts at street level, the report asked for is drawn on its
  // own, above them, for as long as its popup is open.
  const aloneRef = useRef<L.Marker | null>(null);
  // What data-settled-view said last, and for which view: restored when a move ends on the same view.
  const settledRef = useRef<{ value: string; view: ViewportQuery | null }>({ value: '', view: null });
  // Set when a cluster or cell is opened from the keyboard: its icon vanishes as the map zooms,
  // so focus returns to the map instead of falling to <body>.
  const refocusRef = useRef(false);
  // Leaflet callbacks outlive renders; refs let them see the current language, catalogue and handlers.
  const live = useRef({ i18n, categories, onViewChange, onAreasError, onFirstRender });
  live.current = { i18n, categories, onViewChange, onAreasError, onFirstRender };

  // The map itself: created once, never rebuilt on re-render or language change.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, {
      center: [initialView.lat, initialView.lon],
      zoom: initialView.zoom,
      zoomControl: false,
      maxZoom: 19,
      ...motionOptions(),
    });
    mapRef.current = map;
    // Before the popup handler below: it records what had focus before the popup takes it.
    const stopKeyboard = installMapKeyboard(map, container);

    const areas = areasLayer().addTo(map);
    loadAreas()
      .then((json) => {
        if (!mapRef.current) return;
        areas.addData(json);
        areas.bringToBack();
      })
      .catch(() => live.current.onAreasError());

    const cluster = L.markerClusterGroup({
      chunkedLoading: true,
      // Clusters splitting and merging is motion too: none for visitors who asked for less.
      animate: motionOptions().zoomAnimation,
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      disableClusteringAtZoom: 17,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: (group) => {
        const count = group.getChildCount();
        const { i18n: t } = live.current;
        return countIcon(count, t.formatNumber(count), t.t('map.cluster', { count }));
      },
    }).addTo(map);
    clusterRef.current = cluster;
    // Leaflet opens marker popups on Enter; clusters need the same from the keyboard.
    cluster.on('clusterkeypress', (event: L.LeafletEvent & { originalEvent?: KeyboardEvent }) => {
      const key = event.originalEvent?.key;
      if (key !== 'Enter' && key !== ' ') return;
      event.originalEvent?.preventDefault();
      refocusRef.current = true;
      (event as unknown as { layer: L.MarkerCluster }).layer.zoomToBounds({ padding: [24, 24] });
    });
    cellLayerRef.current = L.layerGroup().addTo(map);
    // Proposals get their own pane above the report markers: never clustered with incidents, and
    // a proposal stays visible where reports pile up.
    map.createPane('proposals').style.zIndex = '620';
    proposalLayerRef.current = L.layerGroup().addTo(map);
    const stopSeparating = keepProposalsSeparate(map, container);

    const reportView = () => {
      const centre = map.getCenter();
      live.current.onViewChange({ lat: centre.lat, lon: centre.lng, zoom: map.getZoom() }, viewportQuery(map));
    };
    // A moving map has settled on nothing yet (data-settled-view, below): a popup's pan starts
    // before the popup opens, so a test waiting for the map to settle after opening one waits for
    // the reload that pan brings.
    map.on('movestart', () => {
      container.dataset['settledView'] = '';
    });
    map.on('moveend', () => {
      if (refocusRef.current) {
        refocusRef.current = false;
        map.getContainer().focus({ preventScroll: true });
      }
      reportView();
      // Moved less than the view's precision: the same view, still loaded, and no new data to say so.
      const settled = settledRef.current;
      if (settled.view && sameQuery(settled.view, viewportQuery(map))) container.dataset['settledView'] = settled.value;
    });
    // A marker kept past a reload only for its popup or focus goes once both have left it; after
    // the keyboard handler has given focus back to it (or elsewhere).
    const dropStale = () =>
      setTimeout(() => {
        const markers = markersRef.current;
        const stale: L.Marker[] = [];
        for (const [refKey, entry] of markers) {
          if (loadedRefsRef.current.has(refKey) || inUse(entry.marker)) continue;
          stale.push(entry.marker);
          markers.delete(refKey);
        }
        if (stale.length) cluster.removeLayers(stale);
      });
    map.on('popupclose', dropStale);
    container.addEventListener('focusout', dropStale);
    map.on('popupopen', (event: L.PopupEvent) => {
      labelPopupClose(event.popup, live.current.i18n);
      if (document.activeElement && document.activeElement !== map.getContainer()) {
        event.popup.getElement()?.querySelector<HTMLElement>('.report-popup')?.focus({ preventScroll: true });
      }
    });
    reportView();

    // The list beside/below the map changes the map's size without a window resize.
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);
    const markers = markersRef.current;
    const cells = cellsRef.current;
    const proposalMarkers = proposalMarkersRef.current;
    return () => {
      resize.disconnect();
      container.removeEventListener('focusout', dropStale);
      stopKeyboard();
      stopSeparating();
      markers.clear();
      cells.clear();
      proposalMarkers.clear();
      // Removing the map fires view events; by now the page may already show another route.
      map.off();
      removeMap(map);
      mapRef.current = null;
      clusterRef.current = null;
      cellLayerRef.current = null;
      proposalLayerRef.current = null;
    };
    // The initial view is read once; afterwards the map owns its view.
  }, []);

  // Tiles arrive with the settings; swapping them never touches markers.
  useTiles(mapRef, tiles);

  // Reports: kept in step with the data by ref, so an open popup survives a reload of the same view.
  useEffect(() => {
    const map = mapRef.current;
    const cluster = clusterRef.current;
    const cellLayer = cellLayerRef.current;
    if (!map || !cluster || !cellLayer) return;
    const markers = markersRef.current;
    const { i18n: t, categories: cats } = live.current;

    const reports = data.markers;
    const seen = new Set<string>();
    const added: L.Marker[] = [];
    for (const report of reports) {
      seen.add(report.ref);
      const icon = () => reportIcon({ status: report.status, icon: cats.get(report.category)?.icon ?? null, label: markerLabel(report, t) });
      const existing = markers.get(report.ref);
      if (existing) {
        if (existing.report.status !== report.status || existing.report.title !== report.title) existing.marker.setIcon(icon());
        existing.report = report;
        continue;
      }
      const entry: MarkerEntry = {
        report,
        marker: withPopupKey(L.marker([report.lat, report.lon], { icon: icon(), keyboard: true, riseOnHover: true }), reportKey(report.ref)),
      };
      entry.marker.bindPopup(() => popupContent(entry.report, live.current.categories, live.current.i18n), { maxWidth: 280 });
      markers.set(report.ref, entry);
      added.push(entry.marker);
    }
    const removed: L.Marker[] = [];
    for (const [refKey, entry] of markers) {
      if (seen.has(refKey)) continue;
      // The popup's pan can reload the view into one drawn as counts, or one without this report:
      // removing its marker would close the popup under the reader and drop focus to the page.
      // It stays until it is let go (dropStale).
      if (inUse(entry.marker)) continue;
      removed.push(entry.marker);
      markers.delete(refKey);
    }
    if (removed.length) cluster.removeLayers(removed);
    loadedRefsRef.current = seen;
    if (added.length) cluster.addLayers(added);

    // Cells are kept by position and count, so one that has focus survives a reload that leaves it unchanged.
    const cellKeys = new Set<string>();
    const onKeyboard = () => {
      refocusRef.current = true;
    };
    for (const cell of data.cells) {
      const key = `${cell.lon},${cell.lat},${cell.count}`;
      cellKeys.add(key);
      if (!cellsRef.current.has(key)) {
        const marker = cellMarker(map, cell, t, onKeyboard);
        cellsRef.current.set(key, { marker, count: cell.count });
        cellLayer.addLayer(marker);
      }
    }
    for (const [key, { marker }] of cellsRef.current) {
      if (cellKeys.has(key)) continue;
      cellLayer.removeLayer(marker);
      cellsRef.current.delete(key);
    }
    const container = map.getContainer();
    const loaded = data.loadedBbox;
    if (loaded) {
      container.dataset['loadedBbox'] = loaded.map((v) => v.toFixed(5)).join(',');
      container.dataset['loadedMode'] = data.mode;
    }
    // For the browser tests and infra/bench/map.mjs: the view ("zoom/west,south,east,north", full
    // precision, as the list filters by it) whose reports are now loaded and drawn; empty while
    // loading or moving. A zoom step has settled when this names the new zoom.
    const view = data.view;
    const settled = data.state === 'ready' && view ? `${view.zoom}/${view.bbox.join(',')}` : '';
    settledRef.current = { value: settled, view: settled ? view : null };
    container.dataset['settledView'] = settled;

    const pending = pendingShowRef.current;
    if (pending && markers.has(pending.ref)) {
      pendingShowRef.current = null;
      openReport(pending.ref);
    } else if (pending && data.state === 'ready' && data.mode === 'cells' && data.view && inside(data.view.bbox, pending)) {
      pendingShowRef.current = null;
      showAlone(pending);
    }
    if (data.state === 'ready') live.current.onFirstRender?.();
  }, [data]);

  // Proposals: added and removed by id, so an open popup survives a reload of the same view.
  useEffect(() => {
    const layer = proposalLayerRef.current;
    if (!layer) return;
    const entries = proposalMarkersRef.current;
    const seen = new Set<number>();
    for (const proposal of proposals) {
      seen.add(proposal.id);
      const existing = entries.get(proposal.id);
      if (existing) {
        if (existing.proposal.title !== proposal.title || existing.proposal.status !== proposal.status) {
          existing.marker.setIcon(proposalIcon(proposalLabel(proposal, live.current.i18n)));
        }
        existing.proposal = proposal;
        continue;
      }
      const entry = {
        proposal,
        marker: withPopupKey(
          L.marker([proposal.lat, proposal.lon], {
            icon: proposalIcon(proposalLabel(proposal, live.current.i18n)),
            keyboard: true,
            riseOnHover: true,
            pane: 'proposals',
          }),
          proposalKey(proposal.id),
        ),
      };
      entry.marker.bindPopup(() => proposalPopup(entry.proposal, live.current.i18n), { maxWidth: 280 });
      entries.set(proposal.id, entry);
      layer.addLayer(entry.marker);
    }
    for (const [id, entry] of entries) {
      if (seen.has(id)) continue;
      layer.removeLayer(entry.marker);
      entries.delete(id);
    }
  }, [proposals]);

  // Labels and popups carry text: they follow the language (and late-arriving category icons).
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = translateControls(map, i18n);
    for (const { marker, report } of markersRef.current.values()) {
      marker.setIcon(reportIcon({ status: report.status, icon: categories.get(report.category)?.icon ?? null, label: markerLabel(report, i18n) }));
      if (marker.isPopupOpen()) marker.setPopupContent(popupContent(report, categories, i18n));
    }
    clusterRef.current?.refreshClusters();
    for (const { marker, count } of cellsRef.current.values()) {
      marker.setIcon(countIcon(count, i18n.formatNumber(count), i18n.t('map.cluster', { count })));
    }
    for (const { marker, proposal } of proposalMarkersRef.current.values()) {
      marker.setIcon(proposalIcon(proposalLabel(proposal, i18n)));
      if (marker.isPopupOpen()) marker.setPopupContent(proposalPopup(proposal, i18n));
    }
    return () => {
      zoom.remove();
    };
  }, [i18n, categories]);

  /** Draws one report by itself (the map shows counts here) and opens its popup with focus inside. */
  function showAlone(report: ReportSummary): void {
    const map = mapRef.current;
    if (!map) return;
    aloneRef.current?.remove();
    const { i18n: t, categories: cats } = live.current;
    const marker = withPopupKey(
      L.marker([report.lat, report.lon], {
        icon: reportIcon({ status: report.status, icon: cats.get(report.category)?.icon ?? null, label: markerLabel(report, t) }),
        keyboard: true,
        zIndexOffset: 1000,
      }),
      reportKey(report.ref),
    );
    marker.bindPopup(() => popupContent(report, live.current.categories, live.current.i18n), { maxWidth: 280 });
    // After the map's own popupclose handler has given focus back to whatever opened it.
    marker.on('popupclose', () =>
      setTimeout(() => {
        marker.remove();
        if (aloneRef.current === marker) aloneRef.current = null;
      }),
    );
    aloneRef.current = marker.addTo(map);
    marker.openPopup();
    marker.getPopup()?.getElement()?.querySelector<HTMLElement>('.report-popup')?.focus();
  }

  function openReport(refKey: string): void {
    const entry = markersRef.current.get(refKey);
    const cluster = clusterRef.current;
    if (!entry || !cluster) return;
    cluster.zoomToShowLayer(entry.marker, () => {
      entry.marker.openPopup();
      entry.marker.getPopup()?.getElement()?.querySelector<HTMLElement>('.report-popup')?.focus();
    });
  }

  useImperativeHandle(
    ref,
    () => ({
      showReport(refKey: string) {
        if (markersRef.current.has(refKey)) {
          openReport(refKey);
          return;
        }
        // Cells mode: the report is not drawn yet. Go close enough for single markers, then open it
        // (or, where even the street holds too many to draw one by one, draw it alone).
        const report = data.visible.find((r) => r.ref === refKey);
        const map = mapRef.current;
        if (!report || !map) return;
        if (map.getZoom() === SHOW_ZOOM && data.state === 'ready' && data.view && inside(data.view.bbox, report)) {
          // Already there: the view will not change, and no new data will come to open it.
          map.panTo([report.lat, report.lon]);
          showAlone(report);
          return;
        }
        pendingShowRef.current = report;
        map.setView([report.lat, report.lon], SHOW_ZOOM);
      },
      showProposal(id: number) {
        const entry = proposalMarkersRef.current.get(id);
        const map = mapRef.current;
        if (!entry || !map) return;
        map.panTo(entry.marker.getLatLng());
        entry.marker.openPopup();
        entry.marker.getPopup()?.getElement()?.querySelector<HTMLElement>('.report-popup')?.focus();
      },
    }),
    [data],
  );

  return <div ref={containerRef} className="map" role="region" aria-label={i18n.t('map.region')} />;
}

/** The zoom "show on map" goes to when the report is not drawn yet: a street and its numbers. */
const SHOW_ZOOM = 18;

function inside(bbox: readonly number[], report: ReportSummary): boolean {
  const [w = 0, s = 0, e = 0, n = 0] = bbox;
  return report.lon >= w && report.lat >= s && report.lon <= e && report.lat <= n;
}

/** A server grid cell: a count bubble that zooms in to its reports when activated. */
function cellMarker(map: L.Map, cell: ReportClusterCell, i18n: Translator, onKeyboard: () => void): L.Marker {
  const marker = L.marker([cell.lat, cell.lon], {
    icon: countIcon(cell.count, i18n.formatNumber(cell.count), i18n.t('map.cluster', { count: cell.count })),
    keyboard: true,
  });
  const zoomIn = (fromKeyboard: boolean) => {
    const [minLon, minLat, maxLon, maxLat] = cell.bbox;
    if (fromKeyboard) onKeyboard();
    if (minLon === maxLon && minLat === maxLat) map.setView([cell.lat, cell.lon], Math.min(map.getZoom() + 3, 18));
    else map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [24, 24], maxZoom: 18 });
  };
  marker.on('click', () => zoomIn(false));
  marker.on('keypress', (event: L.LeafletKeyboardEvent) => {
    if (event.originalEvent.key !== 'Enter' && event.originalEvent.key !== ' ') return;
    event.originalEvent.preventDefault();
    zoomIn(true);
  });
  return marker;
}
