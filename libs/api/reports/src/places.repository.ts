import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { filedReport, PublicReads } from '@plaza/api/database';
import { PUBLIC_REPORT_STATUSES, type BBoxTuple, type PlaceView } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';

// Case- and accent-insensitive matching without the unaccent extension (the embedded database
// does not ship it): lower-case, then fold the accented letters Spanish, Catalan and Galician use.
const fold = (sql: string): string => `translate(lower(${sql}), 'áàâäéèêëíìîïóòôöúùûüñç·', 'aaaaeeeeiiiioooouuuunc.')`;

interface PlaceRow {
  kind: PlaceView['kind'];
  name: string;
  area: string | null;
  lat: number;
  lon: number;
  minLon: number | null;
  minLat: number | null;
  maxLon: number | null;
  maxLat: number | null;
}

/** "Known places" for the report form's search: the city's areas and the addresses of public reports. */
@Injectable()
export class PlacesRepository {
  // Public read traffic: may be served by a read replica (docs/operations.md#read-replicas).
  constructor(private readonly reads: PublicReads) {}

  async search(text: string, limit: number): Promise<PlaceView[]> {
    const needle = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await this.reads.query<PlaceRow[]>(
      `(SELECT 'area' AS kind, a.name, NULL AS area,
               ST_Y(p.g)::float8 AS lat, ST_X(p.g)::float8 AS lon,
               ST_XMin(a.geom)::float8 AS "minLon", ST_YMin(a.geom)::float8 AS "minLat",
               ST_XMax(a.geom)::float8 AS "maxLon", ST_YMax(a.geom)::float8 AS "maxLat",
               (${fold('a.name')} LIKE ${fold('$1')} || '%') AS prefix
          FROM areas a, LATERAL (SELECT ST_PointOnSurface(a.geom) AS g) p
         WHERE ${fold('a.name')} LIKE '%' || ${fold('$1')} || '%'
         ORDER BY prefix DESC, a.name
         LIMIT $2)
       UNION ALL
       (SELECT 'address', name, area, lat, lon, NULL, NULL, NULL, NULL, prefix
          FROM (SELECT DISTINCT ON (${fold('r.address')}) r.address AS name, a.name AS area,
                       ST_Y(r.location)::float8 AS lat, ST_X(r.location)::float8 AS lon,
                       (${fold('r.address')} LIKE ${fold('$1')} || '%') AS prefix
                  FROM reports r
                  LEFT JOIN areas a ON a.id = r.area_id
                 WHERE r.address IS NOT NULL AND r.status = ANY($3::text[]) AND ${filedReport('r')}
                   AND ${fold('r.address')} LIKE '%' || ${fold('$1')} || '%'
                 ORDER BY ${fold('r.address')}, r.id DESC) addresses
         ORDER BY prefix DESC, name
         LIMIT $2)`,
      [needle, limit, PUBLIC_REPORT_STATUSES],
    );
    return rows.slice(0, limit).map((row) => ({
      kind: row.kind,
      name: row.name,
      area: row.area,
      lat: round6(row.lat),
      lon: round6(row.lon),
      bbox:
        row.minLon === null || row.minLat === null || row.maxLon === null || row.maxLat === null
          ? null
          : [round6(row.minLon), round6(row.minLat), round6(row.maxLon), round6(row.maxLat)],
    }));
  }
}

interface BoundsRow {
  minLon: number | null;
  minLat: number | null;
  maxLon: number | null;
  maxLat: number | null;
}

interface AreaNameRow {
  i: number;
  name: string | null;
}

/** The city's extent (all its areas) and the area each point falls in: what an address search needs. */
@Injectable()
export class CityExtentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async bounds(): Promise<BBoxTuple | null> {
    const [row] = await this.db.query<BoundsRow[]>(
      `SELECT ST_XMin(e)::float8 AS "minLon", ST_YMin(e)::float8 AS "minLat", ST_XMax(e)::float8 AS "maxLon", ST_YMax(e)::float8 AS "maxLat"
         FROM (SELECT ST_Extent(geom) AS e FROM areas) extent`,
    );
    if (!row || row.minLon === null || row.minLat === null || row.maxLon === null || row.maxLat === null) return null;
    return [row.minLon, row.minLat, row.maxLon, row.maxLat];
  }

  /** For each point, the name of the area it lies in (null outside every area), in order. */
  async areaNames(points: Array<{ lat: number; lon: number }>): Promise<Array<string | null>> {
    if (points.length === 0) return [];
    const rows = await this.db.query<AreaNameRow[]>(
      `SELECT p.i::int AS i, (SELECT a.name FROM areas a WHERE ST_Contains(a.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) LIMIT 1) AS name
         FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lon, lat, i)`,
      [points.map((p) => p.lon), points.map((p) => p.lat)],
    );
    const names: Array<string | null> = points.map(() => null);
    for (const row of rows) names[row.i - 1] = row.name;
    return names;
  }
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
