import type { ReportClusterCell, ReportClusters } from '@plaza/shared/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getJson, isAbort } from '@plaza/web/api-client';
import { parseReports, type ReportSummary } from './report-summary';

/**
 * Up to this many reports around the view are drawn one by one and clustered in the browser
 * (markercluster); beyond it the map shows the server's grid counts, so a city-wide view of tens
 * of thousands of reports costs one small aggregate query, not a 10 MB download.
 */
export const POINTS_LIMIT = 500;
/** Reports the list adds per "show more"; past what is loaded it fetches the next page from the API. */
export const LIST_PAGE = 50;
/**
 * Reports are loaded for the view plus a quarter of it on every side. Panning a little, zooming
 * in, or the map panning to a marker that keyboard focus reached, then needs no request, and
 * markers never regroup under the focus.
 */
const LOAD_PADDING = 0.25;

export type BBox = readonly [west: number, south: number, east: number, north: number];

export interface ViewportQuery {
  /** The visible bounds. */
  bbox: BBox;
  zoom: number;
}

interface Loaded {
  /** `points`: every report around the view is on the map; `cells`: the map shows counts per grid cell. */
  mode: 'points' | 'cells';
  /** The bounds these results cover: padded in points mode, the exact view in cells mode. */
  bbox: BBox;
  filterParams: string;
  /** Points mode: every report in `bbox`. Cells mode: the newest ones around the view, for the list (more via `loadMore`). */
  reports: ReportSummary[];
  cells: ReportClusterCell[];
  /** Cells mode: the server's count for the view. */
  cellsTotal: number;
  nextCursor: string | null;
}

export interface ExploreData {
  state: 'loading' | 'ready' | 'error';
  mode: 'points' | 'cells';
  /** What the map draws: all loaded reports (points mode) or nothing (cells mode). */
  markers: ReportSummary[];
  cells: ReportClusterCell[];
  /** The reports inside the visible bounds, newest first: the list. */
  visible: ReportSummary[];
  /** How many reports match in the visible bounds; null before the first answer. */
  total: number | null;
  /** Bounds the loaded results cover, for tests and debugging (`data-loaded-bbox` on the map). */
  loadedBbox: BBox | null;
  /** The view these results answer (`data-settled-view` on the map once they are ready). */
  view: ViewportQuery | null;
  hasMore: boolean;
  loadingMore: boolean;
}

const fixed = (bbox: BBox) => bbox.map((v) => v.toFixed(5)).join(',');

export function pad(bbox: BBox, ratio: number): BBox {
  const [w, s, e, n] = bbox;
  const dx = (e - w) * ratio;
  const dy = (n - s) * ratio;
  return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}

export function contains(outer: BBox, inner: BBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function inside(bbox: BBox, report: ReportSummary): boolean {
  return report.lon >= bbox[0] && report.lat >= bbox[1] && report.lon <= bbox[2] && report.lat <= bbox[3];
}

/** Whether the loaded results can answer this view and filters without asking the API again. */
function covers(loaded: Loaded | null, query: ViewportQuery, filterParams: string): boolean {
  return loaded !== null && loaded.mode === 'points' && loaded.filterParams === filterParams && contains(loaded.bbox, query.bbox);
}

export function useExploreData(query: ViewportQuery | null, filterParams: string): [ExploreData, () => void] {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const needsLoad = query !== null && !covers(loaded, query, filterParams) && !(loaded?.mode === 'cells' && loaded.filterParams === filterParams && fixed(loaded.bbox) === fixed(query.bbox));
  const bboxKey = query ? fixed(query.bbox) : '';

  useEffect(() => {
    if (!query || !needsLoad) return;
    const controller = new AbortController();
    // Panning fires a burst of view changes; only the one the user stops at is worth loading.
    const timer = setTimeout(() => {
      const filters = filterParams ? `&${filterParams}` : '';
      const around = pad(query.bbox, LOAD_PADDING);
      // Where the last answer for these filters needed grid counts (and on the first load, the
      // whole city), the counts are asked for at once beside the reports, saving a round trip per
      // zoom step; they are dropped if every report around the view fits on the map after all.
      const previous = loadedRef.current;
      const expectCells = !previous || (previous.mode === 'cells' && previous.filterParams === filterParams);
      const clustersUrl = `/api/v1/reports/clusters?bbox=${fixed(query.bbox)}${filters}&zoom=${query.zoom}`;
      void (async () => {
        try {
          const early = expectCells ? getJson<ReportClusters>(clustersUrl, controller.signal) : null;
          // Settled here so an early answer never rejects unobserved while the reports load.
          early?.catch(() => undefined);
          const page = parseReports(await getJson(`/api/v1/reports?bbox=${fixed(around)}${filters}&limit=${POINTS_LIMIT}`, controller.signal));
          if (!page.nextCursor) {
            setLoaded({ mode: 'points', bbox: around, filterParams, reports: page.reports, cells: [], cellsTotal: 0, nextCursor: null });
          } else {
            // Too many to draw: grid counts for exactly the view. The list keeps the newest reports
            // already loaded; the keyset cursor pages on through the view alone, since every report
            // in it newer than the cursor was in the (larger) page just loaded.
            const clusters = await (early ?? getJson<ReportClusters>(clustersUrl, controller.signal));
            setLoaded({
              mode: 'cells',
              bbox: query.bbox,
              filterParams,
              reports: page.reports,
              cells: clusters.cells,
              cellsTotal: clusters.total,
              nextCursor: page.nextCursor,
            });
          }
          setFailed(false);
        } catch (error) {
          if (!isAbort(error)) setFailed(true);
        }
      })();
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [bboxKey, query?.zoom, filterParams, needsLoad]);

  const loadMore = useCallback(() => {
    const current = loadedRef.current;
    if (!current || current.mode !== 'cells' || !current.nextCursor) return;
    const cursor = current.nextCursor;
    setLoadingMore(true);
    const filters = current.filterParams ? `&${current.filterParams}` : '';
    void getJson(`/api/v1/reports?bbox=${fixed(current.bbox)}${filters}&limit=${LIST_PAGE * 2}&cursor=${encodeURIComponent(cursor)}`)
      .then((json) => {
        const page = parseReports(json);
        // A view change meanwhile replaced the results: this page belongs to the old view.
        setLoaded((now) => (now?.nextCursor === cursor ? { ...now, reports: [...now.reports, ...page.reports], nextCursor: page.nextCursor } : now));
      })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }, []);

  const data = useMemo<ExploreData>(() => {
    const visibleBbox = query?.bbox ?? null;
    const visible = loaded && visibleBbox ? loaded.reports.filter((r) => inside(visibleBbox, r)) : [];
    return {
      state: failed ? 'error' : needsLoad || !loaded ? 'loading' : 'ready',
      mode: loaded?.mode ?? 'points',
      markers: loaded?.mode === 'points' ? loaded.reports : [],
      cells: loaded?.mode === 'cells' ? loaded.cells : [],
      visible,
      total: loaded ? (loaded.mode === 'cells' ? loaded.cellsTotal : visible.length) : null,
      loadedBbox: loaded?.bbox ?? null,
      view: query,
      hasMore: loaded?.mode === 'cells' && loaded.nextCursor !== null,
      loadingMore,
    };
    // The view's bounds are compared by value; a new array for the same bounds changes nothing.
  }, [loaded, bboxKey, failed, needsLoad, loadingMore]);

  return [data, loadMore];
}
