import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput } from '@plaza/api/http';
import { ROLES, type AdminUser, type Role } from '@plaza/shared/contracts';
import { intParam, textParam } from '../query-params';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import type { UserQuery } from './users.repository';
import { UsersService } from './users.service';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Accounts, newest first' })
  @ApiQuery({ name: 'q', required: false, description: 'Part of the email or name' })
  @ApiQuery({ name: 'role', required: false, enum: ROLES })
  @ApiQuery({ name: 'limit', required: false, description: '1..500, default 100' })
  @ApiQuery({ name: 'offset', required: false })
  list(@Query() query: Record<string, unknown>): Promise<AdminUser[]> {
    return this.users.list(parseUserQuery(query));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an account (staff or citizen); it receives a sign-in link by mail' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<AdminUser> {
    return this.users.create(user, parseInput(CreateUserDto, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change name, roles, departments or language; deactivate (ends every session)' })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<AdminUser> {
    return this.users.update(user, id, parseInput(UpdateUserDto, body));
  }
}

function parseUserQuery(query: Record<string, unknown>): UserQuery {
  const q = textParam(query, 'q');
  const role = query['role'];
  if (role !== undefined && !(ROLES as readonly unknown[]).includes(role)) {
    throw DomainError.invalidQuery('role', `role must be one of ${ROLES.join(', ')}`);
  }
  return {
    q,
    role: (role as Role | undefined) ?? null,
    limit: intParam(query, 'limit', 100, 1, 500),
    offset: intParam(query, 'offset', 0, 0, 1_000_000),
  };
}
