import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReportClusterCell } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import type { ClusterQuery } from './dto/cluster.query';
import { reportFilterClauses } from './report-filters.sql';

interface CellRow {
  count: number;
  lon: number;
  lat: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/**
 * City-wide views: reports counted per grid cell in SQL. `floor(x / size)` groups with a hash
 * aggregate over the bbox's GiST-index hits and never sorts, which measured fastest of the grid
 * methods on this stack (see docs/performance.md).
 */
@Injectable()
export class ClustersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async cells(query: ClusterQuery): Promise<ReportClusterCell[]> {
    const params: unknown[] = [query.cellDegrees];
    const where = reportFilterClauses(query, params);
    const rows = await this.db.query<CellRow[]>(
      `SELECT count(*)::int AS count,
              avg(ST_X(r.location))::float8 AS lon, avg(ST_Y(r.location))::float8 AS lat,
              min(ST_X(r.location))::float8 AS "minLon", min(ST_Y(r.location))::float8 AS "minLat",
              max(ST_X(r.location))::float8 AS "maxLon", max(ST_Y(r.location))::float8 AS "maxLat"
         FROM reports r
         JOIN categories c ON c.id = r.category_id
        WHERE ${where.join(' AND ')}
        GROUP BY floor(ST_X(r.location) / $1::float8), floor(ST_Y(r.location) / $1::float8)
        ORDER BY count DESC`,
      params,
    );
    return rows.map((row) => ({
      lon: round6(row.lon),
      lat: round6(row.lat),
      count: row.count,
      bbox: [round6(row.minLon), round6(row.minLat), round6(row.maxLon), round6(row.maxLat)],
    }));
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
