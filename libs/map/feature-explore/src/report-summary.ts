// Only the fields the map and the list show; the API sends more (see ReportProperties in @plaza/shared/contracts).
export interface ReportSummary {
  ref: string;
  title: string;
  category: string;
  status: string;
  createdAt: string;
  supports: number;
  lat: number;
  lon: number;
}

interface FeatureLike {
  geometry?: { type?: string; coordinates?: unknown };
  properties?: Record<string, unknown> | null;
}

/** Tolerant parse: one malformed feature must not blank the whole map. */
export function parseReports(json: unknown): { reports: ReportSummary[]; nextCursor: string | null } {
  const body = json as { features?: unknown; nextCursor?: unknown } | null;
  const features = body?.features;
  const nextCursor = typeof body?.nextCursor === 'string' ? body.nextCursor : null;
  if (!Array.isArray(features)) return { reports: [], nextCursor };
  const reports: ReportSummary[] = [];
  for (const feature of features as FeatureLike[]) {
    const coordinates = feature.geometry?.coordinates;
    const props = feature.properties ?? {};
    if (feature.geometry?.type !== 'Point' || !Array.isArray(coordinates)) continue;
    const [lon, lat] = coordinates as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || typeof props['ref'] !== 'string') continue;
    reports.push({
      ref: props['ref'],
      title: String(props['title'] ?? ''),
      category: String(props['category'] ?? ''),
      status: String(props['status'] ?? ''),
      createdAt: String(props['createdAt'] ?? ''),
      supports: typeof props['supports'] === 'number' ? props['supports'] : 0,
      lat,
      lon,
    });
  }
  return { reports, nextCursor };
}
