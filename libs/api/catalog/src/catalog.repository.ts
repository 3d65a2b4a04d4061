import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PublicReads } from '@plaza/api/database';
import type { LocalizedText } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface CategoryRow {
  id: string;
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  groupName: LocalizedText | null;
  icon: string;
  requiresModeration: boolean;
  targetDays: number;
  departmentName: LocalizedText;
}

export interface Placement {
  areaId: string;
  areaName: string;
  departmentId: string;
}

/** All catalogue SQL: categories, departments, areas and routing. */
@Injectable()
export class CatalogRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    // Public read traffic may be served by a read replica (docs/operations.md#read-replicas).
    private readonly reads: PublicReads,
  ) {}

  async listActiveCategories(): Promise<CategoryRow[]> {
    return this.reads.query<CategoryRow[]>(`${CATEGORY_SELECT} WHERE c.active ORDER BY c.sort_order, c.code`);
  }

  async findActiveCategory(code: string, manager: EntityManager = this.db.manager): Promise<CategoryRow | null> {
    const rows: CategoryRow[] = await manager.query<CategoryRow[]>(`${CATEGORY_SELECT} WHERE c.active AND c.code = $1`, [code]);
    return rows[0] ?? null;
  }

  /**
   * The whole area layer as one GeoJSON document, built in SQL so no geometry is parsed in Node.
   * Drawn on the map, not used to place reports (that is `place`, on the stored shapes): simplified
   * within 2 m (0.00002°, a pixel at zoom 16) and written to 5 decimals (1.1 m), which takes
   * Madrid's districts from 206 KB to 66 KB.
   */
  async areasFeatureCollection(): Promise<string> {
    const [row] = await this.reads.query<{ doc: string }[]>(`
      SELECT json_build_object(
        'type', 'FeatureCollection',
        'features', coalesce(json_agg(json_build_object(
          'type', 'Feature',
          'id', code,
          'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(geom, 0.00002), 5)::json,
          'properties', json_build_object('code', code, 'name', name, 'kind', kind)
        ) ORDER BY code), '[]'::json)
      )::text AS doc
      FROM areas`);
    return row.doc as string;
  }

  /**
   * Where a point falls and who handles a category there: the area's routing rule if any, else
   * the category's default department. A point on a shared boundary belongs to the area with the
   * lowest code, so the answer never depends on row order.
   */
  async place(lon: number, lat: number, categoryId: string, manager: EntityManager): Promise<Placement | null> {
    const rows: Placement[] = await manager.query<Placement[]>(
      `SELECT a.id AS "areaId", a.name AS "areaName",
              coalesce(r.department_id, c.default_department_id) AS "departmentId"
         FROM (${AREA_AT}) a
         JOIN categories c ON c.id = $3
         LEFT JOIN routing_rules r ON r.area_id = a.id AND r.category_id = c.id`,
      [lon, lat, categoryId],
    );
    return rows[0] ?? null;
  }

  /** The area a point falls in (the same boundary rule as `place`), or null outside every area. */
  async areaAt(lon: number, lat: number, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM (${AREA_AT}) a`, [lon, lat]);
    return row?.id ?? null;
  }

  async areaIdByCode(code: string, manager: EntityManager): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM areas WHERE code = $1`, [code]);
    return row?.id ?? null;
  }
}

/** The one area a point ($1 lon, $2 lat) falls in: on a shared boundary, the lowest code wins. */
const AREA_AT = `
  SELECT id, name, code FROM areas
   WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
   ORDER BY code
   LIMIT 1`;

const CATEGORY_SELECT = `
  SELECT c.id, c.code, c.name, c.description, c.group_name AS "groupName", c.icon,
         c.requires_moderation AS "requiresModeration", c.target_days AS "targetDays",
         d.name AS "departmentName"
    FROM categories c
    JOIN departments d ON d.id = c.default_department_id`;
