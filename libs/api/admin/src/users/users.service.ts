import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import { AccountsRepository, EmailLinkService, normalizeEmail, SessionService } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import type { AdminUser, Role } from '@plaza/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminErrors, isUniqueViolation, requireUuid } from '../admin.errors';
import type { CreateUserDto, UpdateUserDto } from './user.dto';
import { UsersRepository, type UserQuery } from './users.repository';

const STAFF_ROLES: readonly Role[] = ['admin', 'community_manager', 'department_staff'];

/**
 * Accounts as administrators manage them. New accounts get no password: they receive a sign-in
 * link (valid 72 h) and choose one themselves. Deactivating ends every session at once.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionService,
    private readonly links: EmailLinkService,
    private readonly audit: AuditService,
  ) {}

  list(query: UserQuery): Promise<AdminUser[]> {
    return this.users.list(query);
  }

  async create(actor: AuditActor, input: CreateUserDto): Promise<AdminUser> {
    const email = normalizeEmail(input.email);
    const departmentIds = (input.departmentIds ?? []).map((id) => id.toLowerCase());
    assertDepartmentsFitRoles(input.roles, departmentIds);
    try {
      return await this.db.transaction(async (manager) => {
        if (await this.users.emailTaken(manager, email)) throw emailTaken();
        await this.assertDepartmentsActive(manager, departmentIds);
        const id = await this.users.insert(manager, {
          email,
          name: input.name.trim(),
          locale: input.locale ?? 'es',
        });
        await this.users.setRoles(manager, id, input.roles);
        await this.users.setDepartments(manager, id, departmentIds);
        const after = (await this.users.find(manager, id)) as AdminUser;
        const landing = input.roles.some((role) => STAFF_ROLES.includes(role)) ? '/console/' : '/';
        await this.links.send(
          manager,
          { id, email, name: after.name, locale: after.locale ?? 'es' },
          'invite',
          landing,
        );
        await this.audit.record(manager, {
          actor,
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          after,
        });
        return after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  async update(actor: AuditActor, rawId: string, input: UpdateUserDto): Promise<AdminUser> {
    const id = requireUuid(rawId, 'user');
    return this.db.transaction(async (manager) => {
      const before = await this.users.find(manager, id);
      if (!before) throw AdminErrors.notFound('user');
      const roles = input.roles ?? before.roles;
      // Dropping the staff role drops its departments, unless the request says otherwise.
      const departmentIds = (
        input.departmentIds ?? (roles.includes('department_staff') ? before.departmentIds : [])
      ).map((d) => d.toLowerCase());
      assertDepartmentsFitRoles(roles, departmentIds);
      if (actor.id === id && (input.active === false || !roles.includes('admin'))) {
        throw AdminErrors.conflict(
          'USER.SELF_LOCKOUT',
          'You cannot deactivate yourself or remove your own admin role.',
        );
      }
      if (input.departmentIds) await this.assertDepartmentsActive(manager, departmentIds);

      await this.users.update(manager, id, {
        name: input.name?.trim(),
        active: input.active,
        locale: input.locale,
      });
      if (input.roles) await this.users.setRoles(manager, id, roles);
      if (!sameSet(departmentIds, before.departmentIds))
        await this.users.setDepartments(manager, id, departmentIds);
      const deactivated = before.active && input.active === false;
      if (deactivated) {
        await this.sessions.revokeAllForUser(manager, id);
        await this.accounts.expireLinkTokens(manager, id);
      }
      const after = (await this.users.find(manager, id)) as AdminUser;
      const action = deactivated
        ? 'user.deactivate'
        : !before.active && after.active
          ? 'user.reactivate'
          : 'user.update';
      await this.audit.record(manager, { actor, action, entityType: 'user', entityId: id, before, after });
      return after;
    });
  }

  private async assertDepartmentsActive(manager: EntityManager, ids: string[]): Promise<void> {
    const active = new Set(await this.users.activeDepartments(manager, ids));
    const unknown = ids.findIndex((id) => !active.has(id));
    if (unknown >= 0) {
      throw DomainError.validation([
        {
          field: `departmentIds[${unknown}]`,
          code: 'unknown_department',
          message: 'Each department must exist and be active.',
        },
      ]);
    }
  }
}

/** Department staff belong to at least one department; nobody else belongs to any. */
function assertDepartmentsFitRoles(roles: readonly Role[], departmentIds: readonly string[]): void {
  if (roles.includes('department_staff') && departmentIds.length === 0) {
    throw AdminErrors.field('departmentIds', 'required', 'Department staff need at least one department.');
  }
  if (!roles.includes('department_staff') && departmentIds.length > 0) {
    throw AdminErrors.field('departmentIds', 'not_allowed', 'Only department staff belong to departments.');
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function emailTaken(): DomainError {
  return AdminErrors.conflict('USER.EMAIL_TAKEN', 'An account with this email already exists.');
}
