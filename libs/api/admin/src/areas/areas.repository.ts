import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminArea } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { setClause } from '../sql-update';

/** An area as the audit log records it: no geometry (megabytes), but a fingerprint of it. */
export interface AreaSummary extends AdminArea {
  geometrySha256: string;
}

const SUMMARY = `id, code, name, kind, round(ST_Area(geom::geography))::float8 AS "areaM2",
  encode(sha256(ST_AsBinary(geom)), 'hex') AS "geometrySha256"`;

/** The uploaded geometry, in 2D, in EPSG:4326. */
const RAW = `ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))`;
/** ST_MakeValid splits bow-ties and fixes rings; keep only the polygons of its result, always as a MultiPolygon. */
const REPAIRED = (raw: string): string => `ST_Multi(ST_CollectionExtract(ST_MakeValid(${raw}), 3))`;

export interface GeometryCheck {
  valid: boolean;
  reason: string;
  emptyAfterRepair: boolean;
}

@Injectable()
export class AreasRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<AdminArea[]> {
    const rows: AreaSummary[] = await this.db.query<AreaSummary[]>(`SELECT ${SUMMARY} FROM areas ORDER BY code`);
    return rows.map(toAdminArea);
  }

  async find(manager: EntityManager, id: string): Promise<AreaSummary | null> {
    const rows = await manager.query<AreaSummary[]>(`SELECT ${SUMMARY} FROM areas WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByCode(manager: EntityManager, code: string): Promise<AreaSummary | null> {
    const rows = await manager.query<AreaSummary[]>(`SELECT ${SUMMARY} FROM areas WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  /** What PostGIS thinks of a geometry, and whether repairing it leaves any polygon. */
  async check(geojson: string): Promise<GeometryCheck> {
    const [row] = await this.db.query<GeometryCheck[]>(
      `SELECT ST_IsValid(raw) AS valid, ST_IsValidReason(raw) AS reason, ST_IsEmpty(${REPAIRED('raw')}) AS "emptyAfterRepair"
         FROM (SELECT ${RAW} AS raw) g`,
      [geojson],
    );
    return row;
  }

  async insert(
    manager: EntityManager,
    row: { code: string; name: string; kind: string; geojson: string },
  ): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO areas (code, name, kind, geom) VALUES ($2, $3, $4, ${REPAIRED(RAW)}) RETURNING id`,
      [row.geojson, row.code, row.name, row.kind],
    );
    return id;
  }

  async replace(
    manager: EntityManager,
    id: string,
    row: { name: string; kind: string; geojson: string },
  ): Promise<void> {
    await manager.query<unknown[]>(
      `UPDATE areas SET name = $3, kind = $4, geom = ${REPAIRED(RAW)}, updated_at = now() WHERE id = $2`,
      [row.geojson, id, row.name, row.kind],
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    patch: { code?: string; name?: string; kind?: string },
  ): Promise<void> {
    const set = setClause({ code: patch.code, name: patch.name, kind: patch.kind }, 2);
    if (!set.sql) return;
    await manager.query<unknown[]>(`UPDATE areas SET ${set.sql}, updated_at = now() WHERE id = $1`, [id, ...set.params]);
  }

  async reportCount(manager: EntityManager, id: string): Promise<number> {
    const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM reports WHERE area_id = $1`, [
      id,
    ]);
    return count;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM areas WHERE id = $1`, [id]);
  }
}

export function toAdminArea({ id, code, name, kind, areaM2 }: AreaSummary): AdminArea {
  return { id, code, name, kind, areaM2: Number(areaM2) };
}
