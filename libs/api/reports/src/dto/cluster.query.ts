import { DomainError } from '@plaza/api/http';
import { MAP_LIMITS } from '@plaza/shared/contracts';
import type { BBox } from '@plaza/shared/geo';
import { parseReportFilters, single, type ReportFilters } from './report-filters.query';

export interface ClusterQuery extends ReportFilters {
  bbox: BBox;
  zoom: number;
  cellDegrees: number;
}

/**
 * Side of a grid cell in degrees for a web-map zoom: about `clusterCellPixels` screen pixels of
 * 256-pixel tiles. Degrees of latitude draw taller than degrees of longitude away from the
 * equator; square-in-degrees cells are close enough for counting bubbles.
 */
export function cellDegreesForZoom(zoom: number): number {
  return (MAP_LIMITS.clusterCellPixels * 360) / (256 * 2 ** zoom);
}

export function parseClusterQuery(raw: Record<string, unknown>): ClusterQuery {
  const filters = parseReportFilters(raw);
  if (!filters.bbox) throw DomainError.invalidQuery('bbox', 'bbox is required: minLon,minLat,maxLon,maxLat', 'required');
  const zoomRaw = single(raw, 'zoom');
  if (zoomRaw === undefined) throw DomainError.invalidQuery('zoom', 'zoom is required', 'required');
  const zoom = Number(zoomRaw);
  if (!/^\d{1,2}$/.test(zoomRaw) || zoom > MAP_LIMITS.zoomMax) {
    throw DomainError.invalidQuery('zoom', `zoom must be an integer from 0 to ${MAP_LIMITS.zoomMax}`);
  }
  const cellDegrees = cellDegreesForZoom(zoom);
  const [minLon, minLat, maxLon, maxLat] = filters.bbox;
  // A world-sized box at street zoom would be one "cell" per report: that is the list's job.
  const cellsAcross = Math.max(maxLon - minLon, maxLat - minLat) / cellDegrees;
  if (cellsAcross > MAP_LIMITS.clusterCellsPerSideMax) {
    throw DomainError.invalidQuery(
      'bbox',
      `bbox is too large for zoom ${zoom}: at most ${MAP_LIMITS.clusterCellsPerSideMax} cells across`,
      'too_large',
    );
  }
  return { ...filters, bbox: filters.bbox, zoom, cellDegrees };
}
