import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Access,
  assertDepartmentAccess,
  CurrentUser,
  departmentScopeOf,
  type AuthUser,
} from '@plaza/api/auth';
import {
  isLocale,
  type DepartmentRef,
  type ResponseTemplate,
  type StaffDepartmentView,
} from '@plaza/shared/contracts';
import { AdminErrors, requireUuid } from '../admin.errors';
import { textParam } from '../query-params';
import { TemplatesRepository } from '../templates/templates.repository';
import { StaffDirectoryRepository } from './staff-directory.repository';

/** What the console's staff screens read of the configuration administrators maintain. */
@ApiTags('staff')
@Access('department_staff', 'community_manager', 'admin')
@Controller({ path: 'staff', version: '1' })
export class StaffController {
  constructor(
    private readonly directory: StaffDirectoryRepository,
    private readonly templates: TemplatesRepository,
  ) {}

  @Get('departments')
  @ApiOperation({ summary: 'Departments the caller works for (every active one for managers and admins)' })
  departments(@CurrentUser() user: AuthUser): Promise<DepartmentRef[]> {
    return this.directory.departments(departmentScopeOf(user), localeOf(user));
  }

  @Get('departments/:id')
  @ApiOperation({
    summary: 'One department with the categories it handles by default (only the caller\u2019s own)',
  })
  async department(@CurrentUser() user: AuthUser, @Param('id') rawId: string): Promise<StaffDepartmentView> {
    const id = requireUuid(rawId, 'department');
    assertDepartmentAccess(user, id);
    const department = await this.directory.department(id, localeOf(user));
    if (!department) throw AdminErrors.notFound('department');
    return department;
  }

  @Get('templates')
  @ApiOperation({ summary: 'Active response templates to start a reply from' })
  @ApiQuery({ name: 'category', required: false })
  @ApiQuery({ name: 'locale', required: false })
  @ApiQuery({ name: 'status', required: false })
  templatesFor(@Query() query: Record<string, unknown>): Promise<ResponseTemplate[]> {
    return this.templates.list({
      categoryCode: textParam(query, 'category', 64),
      locale: textParam(query, 'locale', 5),
      status: textParam(query, 'status', 32),
      activeOnly: true,
    });
  }
}

function localeOf(user: AuthUser) {
  return isLocale(user.locale) ? user.locale : 'es';
}
