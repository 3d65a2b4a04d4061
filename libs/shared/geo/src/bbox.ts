export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

export type BBoxParseResult = { ok: true; bbox: BBox } | { ok: false; reason: string };

/**
 * Parses `minLon,minLat,maxLon,maxLat` (WGS 84, longitude first, as GeoJSON and Open311 do).
 * Rejects inverted boxes rather than guessing: a client that swaps corners has a bug worth seeing.
 */
export function parseBBox(raw: string): BBoxParseResult {
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length !== 4 || parts.some((p) => p === '')) {
    return { ok: false, reason: 'expected four comma-separated numbers: minLon,minLat,maxLon,maxLat' };
  }
  const numbers = parts.map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) {
    return { ok: false, reason: 'every bbox value must be a number' };
  }
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  if (!isLongitude(minLon) || !isLongitude(maxLon)) return { ok: false, reason: 'longitudes must be within -180..180' };
  if (!isLatitude(minLat) || !isLatitude(maxLat)) return { ok: false, reason: 'latitudes must be within -90..90' };
  if (minLon >= maxLon || minLat >= maxLat) {
    return { ok: false, reason: 'minLon must be less than maxLon and minLat less than maxLat' };
  }
  return { ok: true, bbox: [minLon, minLat, maxLon, maxLat] };
}

export function isLongitude(value: number): boolean {
  return Number.isFinite(value) && value >= -180 && value <= 180;
}

export function isLatitude(value: number): boolean {
  return Number.isFinite(value) && value >= -90 && value <= 90;
}
