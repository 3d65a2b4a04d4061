import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { DomainError } from '@plaza/api/http';
import type { FieldError, AdminRoutingRule } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { AdminErrors, isUniqueViolation, requireUuid } from '../admin.errors';
import type { CreateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRulesRepository } from './routing-rules.repository';

/** "In this area, this category goes to that department", overriding the category's default. */
@Injectable()
export class RoutingRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RoutingRulesRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminRoutingRule[]> {
    return this.rules.list();
  }

  async create(actor: AuditActor, input: CreateRoutingRuleDto): Promise<AdminRoutingRule> {
    try {
      return await this.db.transaction(async (manager) => {
        const ids = await this.rules.resolveTargets(manager, input);
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
        if (errors.length || !ids.area || !ids.category || !ids.department) throw DomainError.validation(errors);
        if (await this.rules.exists(manager, ids.area, ids.category)) throw ruleExists();
        const id = await this.rules.insert(manager, ids.area, ids.category, ids.department);
        const after = await this.rules.find(manager, id);
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
      const before = await this.rules.find(manager, id);
      if (!before) throw AdminErrors.notFound('routing_rule');
      await this.rules.delete(manager, id);
      await this.audit.record(manager, {
        actor,
        action: 'routing_rule.delete',
        entityType: 'routing_rule',
        entityId: id,
        before,
      });
    });
  }
}

function ruleExists() {
  return AdminErrors.conflict(
    'ROUTING_RULE.EXISTS',
    'That area already has a rule for this category: delete it first.',
  );
}
