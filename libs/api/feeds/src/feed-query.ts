import { DomainError } from '@plaza/api/http';
import { isLatitude, isLongitude } from '@plaza/shared/geo';
import type { FeedFormat } from './feed-render';

export const FEED_RADIUS_METERS = { default: 1000, max: 5000 } as const;
export const FEED_ITEMS_MAX = 50;

export interface ReportsFeedFilter {
  area: string | null;
  category: string | null;
  near: { lat: number; lon: number; radius: number } | null;
}

const AREA_CODE = /^[A-Za-z0-9_-]{1,64}$/;
const CATEGORY_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;
const DECIMAL = /^-?\d{1,3}(\.\d{1,12})?$/;

/** `rss` or `atom`; anything else names a document that does not exist. */
export function parseFeedFormat(format: string): FeedFormat {
  if (format === 'rss' || format === 'atom') return format;
  throw new DomainError(
    'FEED.UNKNOWN_FORMAT',
    'not_found',
    `There is no "${format}" feed: use .rss or .atom.`,
    [],
    { key: 'problem.detail.feedFormat', values: { format } },
  );
}

/** `area`, `category`, and `lat`+`lon` (+ `radius` in metres, at most 5 km); all optional, combined with AND. */
export function parseReportsFeedQuery(query: Record<string, unknown>): ReportsFeedFilter {
  const area = optionalString(query, 'area');
  if (area !== null && !AREA_CODE.test(area))
    throw DomainError.invalidQuery('area', 'area must be an area code, e.g. 01');
  const category = optionalString(query, 'category');
  if (category !== null && !CATEGORY_CODE.test(category)) {
    throw DomainError.invalidQuery('category', 'category must be a category code, e.g. bache');
  }
  const lat = optionalString(query, 'lat');
  const lon = optionalString(query, 'lon');
  const radius = optionalString(query, 'radius');
  if (lat === null && lon === null) {
    if (radius !== null)
      throw DomainError.invalidQuery('radius', 'radius needs lat and lon', 'requires_point');
    return { area, category, near: null };
  }
  if (lat === null || !DECIMAL.test(lat) || !isLatitude(Number(lat))) {
    throw DomainError.invalidQuery('lat', 'lat must be a latitude between -90 and 90');
  }
  if (lon === null || !DECIMAL.test(lon) || !isLongitude(Number(lon))) {
    throw DomainError.invalidQuery('lon', 'lon must be a longitude between -180 and 180');
  }
  const meters =
    radius === null ? FEED_RADIUS_METERS.default : /^\d{1,5}$/.test(radius) ? Number(radius) : NaN;
  if (!Number.isInteger(meters) || meters < 1 || meters > FEED_RADIUS_METERS.max) {
    throw DomainError.invalidQuery(
      'radius',
      `radius must be a whole number of metres from 1 to ${FEED_RADIUS_METERS.max}`,
    );
  }
  return { area, category, near: { lat: Number(lat), lon: Number(lon), radius: meters } };
}

function optionalString(query: Record<string, unknown>, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string')
    throw DomainError.invalidQuery(name, `${name} may be given once`, 'repeated');
  return value;
}
