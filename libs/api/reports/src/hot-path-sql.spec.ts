import { jest } from '@jest/globals';
import type { PublicReads } from '@plaza/api/database';
import { PUBLIC_REPORT_STATUSES } from '@plaza/shared/contracts';
import type { DataSource } from 'typeorm';
import { ClustersRepository, isDefaultView } from './clusters.repository';
import type { ClusterQuery } from './dto/cluster.query';
import type { ReportListQuery } from './dto/list-reports.query';
import { ReportsRepository } from './reports.repository';
import { viewportCells } from './viewport-grid';

// The map's hot-path SQL, snapshotted so a review sees every change to what PostgreSQL runs.
// Run with `-u` after a deliberate change and commit the snapshot with it.

function recordingDataSource(rows: unknown[]): { db: DataSource; reads: PublicReads; calls: Array<{ sql: string; params: unknown[] }> } {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const query = jest.fn(async (sql: string, params: unknown[] = []) => {
    calls.push({ sql: sql.replace(/[ \t]+$/gm, ''), params });
    return rows;
  });
  // Hot-path reads run as named prepared statements on a pool (a replica's or the primary's).
  const prepared = jest.fn(async (text: string, values: unknown[]) => {
    calls.push({ sql: text.replace(/[ \t]+$/gm, ''), params: values });
    return rows;
  });
  return {
    db: { query } as unknown as DataSource,
    reads: { query, prepared } as unknown as PublicReads,
    calls,
  };
}

const filters = {
  bbox: [-3.75, 40.38, -3.65, 40.45] as [number, number, number, number],
  categories: ['potholes'],
  statuses: [],
  from: new Date('2026-01-01T00:00:00Z'),
  until: null,
};

describe('hot-path SQL', () => {
  it('lists a page of public reports as GeoJSON text (viewport and list)', async () => {
    const { db, reads, calls } = recordingDataSource([{ features: '[]', lastId: null, count: 0 }]);
    const query: ReportListQuery = { ...filters, limit: 50, afterId: '1200' };
    await new ReportsRepository(db, reads).listFeatures(query, 'es', 'https://plaza.test/api/v1/media/');
    await new ReportsRepository(db, reads).listFeatures(query, 'es', 'https://plaza.test/api/v1/media/', { kind: 'box' });
    // A street view from the viewport grid: 2 × 3 cells in a statement with room for 2 × 3.
    const street: ReportListQuery = { ...query, bbox: [-3.7051, 40.4151, -3.7026, 40.4201], from: null };
    await new ReportsRepository(db, reads).listFeatures(street, 'es', 'https://plaza.test/api/v1/media/', { kind: 'grid', cells: viewportCells(street.bbox!)! });
    expect(calls).toMatchSnapshot();
  });

  it('estimates the public reports in a box from the cell totals', async () => {
    const { reads, calls } = recordingDataSource([{ n: 1234 }]);
    expect(await new ClustersRepository(reads).reportsAround([-3.72, 40.41, -3.709, 40.4165])).toBe(1234);
    expect(calls).toMatchSnapshot();
  });

  it('aggregates the viewport into grid clusters', async () => {
    const { reads, calls } = recordingDataSource([]);
    const query: ClusterQuery = { ...filters, zoom: 13, cellDegrees: 0.01 };
    // With the date filter: the live aggregate; without: the cell table, at a stored zoom and a
    // coarser one; the default view (no category, every public status): the totals, likewise.
    await new ClustersRepository(reads).cells(query);
    await new ClustersRepository(reads).cells({ ...query, from: null });
    await new ClustersRepository(reads).cells({ ...query, from: null, zoom: 9, cellDegrees: (60 * 360) / (256 * 512) });
    await new ClustersRepository(reads).cells({ ...query, from: null, categories: [] });
    await new ClustersRepository(reads).cells({ ...query, from: null, categories: [], zoom: 9, cellDegrees: (60 * 360) / (256 * 512) });
    expect(calls).toMatchSnapshot();
  });

  it('answers from the totals only the default view: no category, no status or every public one', () => {
    const every = [...PUBLIC_REPORT_STATUSES].reverse();
    expect(isDefaultView({ categories: [], statuses: [] })).toBe(true);
    expect(isDefaultView({ categories: [], statuses: every })).toBe(true);
    expect(isDefaultView({ categories: [], statuses: every.slice(1) })).toBe(false);
    expect(isDefaultView({ categories: [], statuses: [...every.slice(1), every[1]!] })).toBe(false);
    expect(isDefaultView({ categories: ['potholes'], statuses: [] })).toBe(false);
  });
});
