import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AdminRoutingRule } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

const SELECT = `
  SELECT r.id, r.area_id AS "areaId", a.name AS "areaName", c.code AS "categoryCode", r.department_id AS "departmentId"
    FROM routing_rules r JOIN areas a ON a.id = r.area_id JOIN categories c ON c.id = r.category_id`;

/** What a new rule's references resolve to: null for an unknown area or category, or an inactive department. */
export interface RuleTargets {
  area: string | null;
  category: string | null;
  department: string | null;
}

/** `routing_rules`: "in this area, this category goes to that department". */
@Injectable()
export class RoutingRulesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<AdminRoutingRule[]> {
    return this.db.query<AdminRoutingRule[]>(`${SELECT} ORDER BY a.code, c.code`);
  }

  async find(manager: EntityManager, id: string): Promise<AdminRoutingRule | null> {
    const rows = await manager.query<AdminRoutingRule[]>(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async resolveTargets(
    manager: EntityManager,
    input: { areaId: string; categoryCode: string; departmentId: string },
  ): Promise<RuleTargets> {
    const [ids] = await manager.query<RuleTargets[]>(
      `SELECT (SELECT id FROM areas WHERE id = $1) AS area,
              (SELECT id FROM categories WHERE code = $2) AS category,
              (SELECT id FROM departments WHERE id = $3 AND active) AS department`,
      [input.areaId, input.categoryCode, input.departmentId],
    );
    return ids!;
  }

  async exists(manager: EntityManager, areaId: string, categoryId: string): Promise<boolean> {
    const rows = await manager.query<{ '?column?': number }[]>(
      `SELECT 1 FROM routing_rules WHERE area_id = $1 AND category_id = $2`,
      [areaId, categoryId],
    );
    return rows.length > 0;
  }

  async insert(manager: EntityManager, areaId: string, categoryId: string, departmentId: string): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO routing_rules (area_id, category_id, department_id) VALUES ($1, $2, $3) RETURNING id`,
      [areaId, categoryId, departmentId],
    );
    return row!.id;
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query<unknown[]>(`DELETE FROM routing_rules WHERE id = $1`, [id]);
  }
}
