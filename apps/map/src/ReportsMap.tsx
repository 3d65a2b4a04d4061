import { useT, type Translator } from '@plaza/web/i18n';
import L from 'leaflet';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { parseReports, statusColour, statusKey, type LoadState, type ReportPoint } from './reports';

const MADRID: L.LatLngTuple = [40.4168, -3.7038];
const DEFAULT_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
// "© OpenStreetMap" linked to the copyright page satisfies OSM's attribution rules and needs no translation.
const DEFAULT_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
const REPORT_LIMIT = 500;

export interface ReportsMapHandle {
  /** Opens a report's popup and moves focus into it, for the list's "show on map" buttons. */
  showReport(ref: string): void;
}

interface ReportsMapProps {
  ref?: Ref<ReportsMapHandle>;
  onReports(reports: ReportPoint[], state: LoadState): void;
  onAreasError(): void;
}

interface MarkerEntry {
  marker: L.CircleMarker;
  report: ReportPoint;
}

function bboxOf(map: L.Map): string {
  const b = map.getBounds();
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v)).toFixed(5);
  return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(',');
}

// Built with textContent, never HTML strings: titles are user input.
function popupContent(report: ReportPoint, i18n: Translator): HTMLElement {
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
    `${i18n.t('reports.category')}: ${report.category}`,
    `${i18n.t('reports.createdAt')} ${i18n.formatDate(report.createdAt)}`,
  ].join(' · ');
  root.append(title, meta);
  return root;
}

function markerLabel(report: ReportPoint, i18n: Translator): string {
  return i18n.t('map.marker', { ref: report.ref, title: report.title, status: i18n.t(statusKey(report.status)) });
}

export function ReportsMap({ ref, onReports, onAreasError }: ReportsMapProps) {
  const i18n = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markersRef = useRef(new Map<string, MarkerEntry>());
  // Leaflet callbacks outlive renders; refs let them see the current language and handlers.
  const i18nRef = useRef(i18n);
  const callbacksRef = useRef({ onReports, onAreasError });
  i18nRef.current = i18n;
  callbacksRef.current = { onReports, onAreasError };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const markers = markersRef.current;
    const map = L.map(container, { center: MADRID, zoom: 12, zoomControl: false });
    mapRef.current = map;

    L.tileLayer(import.meta.env.VITE_TILE_URL || DEFAULT_TILES, {
      maxZoom: 19,
      attribution: import.meta.env.VITE_TILE_ATTRIBUTION || DEFAULT_ATTRIBUTION,
    }).addTo(map);

    // Districts are context, not targets: non-interactive so they never swallow marker clicks.
    const areas = L.geoJSON(undefined, {
      interactive: false,
      // The boundaries' licence asks for this credit wherever they are shown (libs/api/seed/data/ATTRIBUTION.md).
      attribution: 'Límites de distritos: Ayuntamiento de Madrid (datos.madrid.es)',
      style: { color: '#1e3a8a', weight: 1.5, opacity: 0.8, fillColor: '#1e3a8a', fillOpacity: 0.05 },
    }).addTo(map);
    const reportLayer = L.layerGroup().addTo(map);

    const lifetime = new AbortController();
    fetch('/api/v1/areas', { signal: lifetime.signal, headers: { Accept: 'application/geo+json, application/json' } })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then((json: GeoJSON.FeatureCollection) => {
        areas.addData(json);
        areas.bringToBack();
      })
      .catch(() => {
        if (!lifetime.signal.aborted) callbacksRef.current.onAreasError();
      });

    const syncMarkers = (reports: ReportPoint[]) => {
      const seen = new Set<string>();
      for (const report of reports) {
        seen.add(report.ref);
        const existing = markers.get(report.ref);
        if (existing) {
          // Keep the same marker so an open popup (which auto-pans and triggers a reload) survives.
          existing.report = report;
          existing.marker.setLatLng([report.lat, report.lon]);
          existing.marker.setStyle({ fillColor: statusColour(report.status) });
          existing.marker.getElement()?.setAttribute('aria-label', markerLabel(report, i18nRef.current));
          continue;
        }
        const entry: MarkerEntry = {
          report,
          marker: L.circleMarker([report.lat, report.lon], {
            radius: 8,
            color: '#ffffff',
            weight: 2,
            fillColor: statusColour(report.status),
            fillOpacity: 1,
          }),
        };
        entry.marker.bindPopup(() => popupContent(entry.report, i18nRef.current));
        entry.marker.addTo(reportLayer);
        // SVG paths are not focusable by default; this makes every marker reachable by Tab.
        const el = entry.marker.getElement();
        if (el) {
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'button');
          el.setAttribute('aria-label', markerLabel(report, i18nRef.current));
          el.addEventListener('keydown', (event) => {
            const key = (event as KeyboardEvent).key;
            if (key !== 'Enter' && key !== ' ') return;
            event.preventDefault();
            entry.marker.openPopup();
          });
        }
        markers.set(report.ref, entry);
      }
      for (const [refKey, entry] of markers) {
        if (seen.has(refKey)) continue;
        entry.marker.remove();
        markers.delete(refKey);
      }
    };

    let inFlight: AbortController | null = null;
    const loadReports = () => {
      // Only the latest viewport matters; older responses would flash stale markers.
      inFlight?.abort();
      const request = new AbortController();
      inFlight = request;
      callbacksRef.current.onReports([...markers.values()].map((e) => e.report), 'loading');
      fetch(`/api/v1/reports?bbox=${bboxOf(map)}&limit=${REPORT_LIMIT}`, {
        signal: request.signal,
        headers: { Accept: 'application/geo+json, application/json' },
      })
        .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
        .then((json: unknown) => {
          const reports = parseReports(json);
          syncMarkers(reports);
          callbacksRef.current.onReports(reports, 'ready');
        })
        .catch(() => {
          if (!request.signal.aborted) callbacksRef.current.onReports([], 'error');
        });
    };

    // Leaflet's close button label is hard-coded English; translate it and move focus for keyboard users.
    map.on('popupopen', (event: L.PopupEvent) => {
      const element = event.popup.getElement();
      element?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', i18nRef.current.t('map.closePopup'));
      if (document.activeElement && document.activeElement !== map.getContainer()) {
        element?.querySelector<HTMLElement>('.report-popup')?.focus({ preventScroll: true });
      }
    });
    map.on('moveend', loadReports);
    loadReports();

    // The list beside/below the map changes the map's size without a window resize.
    const resize = new ResizeObserver(() => map.invalidateSize());
    resize.observe(container);

    return () => {
      resize.disconnect();
      lifetime.abort();
      inFlight?.abort();
      markers.clear();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Controls and marker labels carry text, so they follow the language without rebuilding the map.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const zoom = L.control.zoom({ zoomInTitle: i18n.t('map.zoomIn'), zoomOutTitle: i18n.t('map.zoomOut') }).addTo(map);
    for (const { marker, report } of markersRef.current.values()) {
      marker.getElement()?.setAttribute('aria-label', markerLabel(report, i18n));
      if (marker.isPopupOpen()) marker.setPopupContent(popupContent(report, i18n));
    }
    return () => {
      zoom.remove();
    };
  }, [i18n]);

  useImperativeHandle(
    ref,
    () => ({
      showReport(refKey: string) {
        const entry = markersRef.current.get(refKey);
        if (!entry) return;
        entry.marker.openPopup();
        entry.marker.getPopup()?.getElement()?.querySelector<HTMLElement>('.report-popup')?.focus();
      },
    }),
    [],
  );

  return <div ref={containerRef} className="map" role="region" aria-label={i18n.t('map.region')} />;
}
