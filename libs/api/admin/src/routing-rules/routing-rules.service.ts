import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { DomainError } from '@plaza/api/http';
import type { FieldError, AdminRoutingRule } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrors, isUniqueViolation, requireUuid } from '../admin.errors';
import type { CreateRoutingRuleDto } from './routing-rule.dto';

const SELECT = `
  SELECT r.id, r.area_id AS "areaId", a.name AS "areaName", c.code AS "categoryCode", r.department_id AS "departmentId"
    FROM routing_rules r JOIN areas a ON a.id = r.area_id JOIN categories c ON c.id = r.category_id`;

/** "In this area, this category goes to that department", overriding the category's default. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminRoutingRule[]> {
    return this.db.query(`${SELECT} ORDER BY a.code, c.code`);
  }

  async create(actor: AuditActor, input: CreateRoutingRuleDto): Promise<AdminRoutingRule> {
    try {
      return await this.db.transaction(async (manager) => {
        const [ids] = await manager.query(
          `SELECT (SELECT id FROM areas WHERE id = $1) AS area,
                  (SELECT id FROM categories WHERE code = $2) AS category,
                  (SELECT id FROM departments WHERE id = $3 AND active) AS department`,
          [input.areaId, input.categoryCode, input.departmentId],
        );
        const errors: FieldError[] = [];
        if (!ids.area)
          errors.push({ field: 'areaId', code: 'unknown_area', message: 'areaId must be an existing area' });
        if (!ids.category)
          errors.push({
            field: 'categoryCode',
            code: 'unknown_category',
            message: 'categoryCode must be an existing category',
          });
        if (!ids.department)
          errors.push({
            field: 'departmentId',
            code: 'unknown_department',
            message: 'departmentId must be an active department',
          });
        if (errors.length) throw DomainError.validation(errors);
        const existing = await manager.query(
          `SELECT 1 FROM routing_rules WHERE area_id = $1 AND category_id = $2`,
          [ids.area, ids.category],
        );
        if (existing.length) throw ruleExists();
        const [{ id }] = await manager.query(
          `INSERT INTO routing_rules (area_id, category_id, department_id) VALUES ($1, $2, $3) RETURNING id`,
          [ids.area, ids.category, ids.department],
        );
        const after = await this.find(manager, id);
        await this.audit.record(manager, {
          actor,
          action: 'routing_rule.create',
          entityType: 'routing_rule',
          entityId: id,
          after,
        });
        return after as AdminRoutingRule;
      });
    } catch (error) {
      // Two admins raced past the check: the unique constraint decided.
      if (isUniqueViolation(error)) throw ruleExists();
      throw error;
    }
  }

  async remove(actor: AuditActor, rawId: string): Promise<void> {
    const id = requireUuid(rawId, 'routing rule');
    await this.db.transaction(async (manager) => {
      const before = await this.find(manager, id);
      if (!before) throw AdminErrors.notFound('routing_rule');
      await manager.query(`DELETE FROM routing_rules WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actor,
        action: 'routing_rule.delete',
        entityType: 'routing_rule',
        entityId: id,
        before,
      });
    });
  }

  private async find(manager: EntityManager, id: string): Promise<AdminRoutingRule | null> {
    const rows = await manager.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }
}

function ruleExists() {
  return AdminErrors.conflict(
    'ROUTING_RULE.EXISTS',
    'That area already has a rule for this category: delete it first.',
  );
}
