import type { TranslationKey } from '@plaza/web/i18n';

// Only the fields the shell shows; the API sends more (see ReportProperties in @plaza/shared/contracts).
export interface ReportPoint {
  ref: string;
  title: string;
  category: string;
  status: string;
  createdAt: string;
  lat: number;
  lon: number;
}

export type LoadState = 'loading' | 'ready' | 'error';

// Colour groups follow the report life cycle; the list always states the status in words too,
// so colour is never the only carrier of meaning.
const STATUS_COLOURS: Record<string, string> = {
  confirmed: '#c5221f',
  investigating: '#b45309',
  action_scheduled: '#b45309',
  in_progress: '#b45309',
  fixed: '#137333',
  closed: '#4b5563',
  duplicate: '#4b5563',
  not_responsible: '#4b5563',
  unable_to_fix: '#4b5563',
  internal_referral: '#4b5563',
};

export function statusColour(status: string): string {
  return STATUS_COLOURS[status] ?? '#1a56db';
}

const KNOWN_STATUSES = new Set([...Object.keys(STATUS_COLOURS), 'unconfirmed', 'hidden']);

/** Statuses come from the server as plain strings; an unknown one still gets a readable label. */
export function statusKey(status: string): TranslationKey {
  return (KNOWN_STATUSES.has(status) ? `status.${status}` : 'status.unknown') as TranslationKey;
}

interface FeatureLike {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: Record<string, unknown> | null;
}

/** Tolerant parse: one malformed feature must not blank the whole map. */
export function parseReports(json: unknown): ReportPoint[] {
  const features = (json as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  const points: ReportPoint[] = [];
  for (const feature of features as FeatureLike[]) {
    const coordinates = feature.geometry?.coordinates;
    const props = feature.properties ?? {};
    if (feature.geometry?.type !== 'Point' || !Array.isArray(coordinates)) continue;
    const [lon, lat] = coordinates as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || typeof props['ref'] !== 'string') continue;
    points.push({
      ref: props['ref'],
      title: String(props['title'] ?? ''),
      category: String(props['category'] ?? ''),
      status: String(props['status'] ?? ''),
      createdAt: String(props['createdAt'] ?? ''),
      lat,
      lon,
    });
  }
  return points;
}
