import { STATUS_GROUPS, isStatusGroup, type StatusGroup } from './status';

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export interface ExploreFilters {
  /** Category codes; empty means every category. */
  categories: string[];
  /** Status groups; empty means all of them. */
  statuses: StatusGroup[];
  /** `YYYY-MM-DD`, inclusive, or null. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: ExploreFilters = { categories: [], statuses: [], from: null, to: null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY = /^[a-z0-9][a-z0-9_-]{1,63}$/;

function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * Reads the map's state from a query string (`?map=zoom/lat/lon&category=a,b&status=open&from=&to=`).
 * Anything malformed is ignored rather than sent to the API: a mangled shared link still opens.
 */
export function parseExploreSearch(search: string): { view: MapView | null; filters: ExploreFilters } {
  const params = new URLSearchParams(search);
  let view: MapView | null = null;
  const mapParam = /^(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(params.get('map') ?? '');
  if (mapParam) {
    const [zoom, lat, lon] = mapParam.slice(1).map(Number) as [number, number, number];
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) view = { zoom, lat, lon };
  }
  const categories = [...new Set(listParam(params, 'category').filter((c) => CATEGORY.test(c)))];
  const statuses = [...new Set(listParam(params, 'status').filter(isStatusGroup))];
  let from = params.get('from');
  let to = params.get('to');
  if (from && !isCalendarDate(from)) from = null;
  if (to && !isCalendarDate(to)) to = null;
  if (from && to && from > to) to = null;
  return { view, filters: { categories, statuses, from, to } };
}

/** Precision that keeps a metre-level position at street zoom without noisy URLs. */
export function formatView(view: MapView): string {
  const digits = view.zoom >= 15 ? 5 : view.zoom >= 10 ? 4 : 3;
  return `${view.zoom}/${view.lat.toFixed(digits)}/${view.lon.toFixed(digits)}`;
}

/** The query string with the map's state written in, every other parameter (`lang`…) kept. */
export function writeExploreSearch(search: string, view: MapView | null, filters: ExploreFilters): string {
  const params = new URLSearchParams(search);
  const set = (name: string, value: string | null) => (value ? params.set(name, value) : params.delete(name));
  set('map', view ? formatView(view) : null);
  set('category', filters.categories.join(','));
  set('status', filters.statuses.join(','));
  set('from', filters.from);
  set('to', filters.to);
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}

/** The API's query for these filters: groups expand to statuses; all groups means no filter. */
export function filtersToApiParams(filters: ExploreFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.categories.length) params.set('category', filters.categories.join(','));
  const groups = filters.statuses.length === Object.keys(STATUS_GROUPS).length ? [] : filters.statuses;
  if (groups.length) params.set('status', groups.flatMap((g) => STATUS_GROUPS[g]).join(','));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

export function activeFilterCount(filters: ExploreFilters): number {
  return (filters.categories.length ? 1 : 0) + (filters.statuses.length ? 1 : 0) + (filters.from || filters.to ? 1 : 0);
}

/**
 * The proposals layer is on unless the URL says `proposals=0`: a shared link keeps the choice,
 * and a plain `/` shows both incidents and proposals.
 */
export function proposalLayerOn(search: string): boolean {
  return new URLSearchParams(search).get('proposals') !== '0';
}

/** The query string with the layer choice written in (absent when on, the default). */
export function writeProposalLayer(search: string, on: boolean): string {
  const params = new URLSearchParams(search);
  if (on) params.delete('proposals');
  else params.set('proposals', '0');
  const text = params.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return text ? `?${text}` : '';
}
