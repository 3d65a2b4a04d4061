import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput } from '@plaza/api/http';
import { HOLIDAY_SCOPES, type DepartmentTrust, type Holiday, type HolidayScope } from '@plaza/shared/contracts';
import { DepartmentTrustService } from './department-trust.service';
import { DepartmentTrustDto } from './dto/trust.dto';
import { HolidayDto } from './holidays/holiday.dto';
import { HolidaysService } from './holidays/holidays.service';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(query: Record<string, unknown>, name: string): string | null {
  const raw = query[name];
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !DATE.test(raw) || Number.isNaN(Date.parse(raw))) {
    throw DomainError.invalidQuery(name, `${name} must be a date as YYYY-MM-DD`);
  }
  return raw;
}

/** The holiday calendar response times count with, and which departments publish unmediated. */
@ApiTags('admin')
@Controller({ version: '1' })
export class CalendarController {
  constructor(
    private readonly holidays: HolidaysService,
    private readonly trust: DepartmentTrustService,
  ) {}

  @Get('admin/holidays')
  @Access('admin')
  @ApiOperation({ summary: 'Holidays (national, regional, local)' })
  @ApiQuery({ name: 'year', required: false })
  @ApiQuery({ name: 'scope', required: false, enum: HOLIDAY_SCOPES })
  list(@Query() query: Record<string, unknown>): Promise<Holiday[]> {
    const year = query['year'];
    if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year))) {
      throw DomainError.invalidQuery('year', 'year must be a four-digit year');
    }
    const scope = query['scope'];
    if (scope !== undefined && !(HOLIDAY_SCOPES as readonly unknown[]).includes(scope)) {
      throw DomainError.invalidQuery('scope', `scope must be one of ${HOLIDAY_SCOPES.join(', ')}`, 'not_allowed');
    }
    return this.holidays.list({
      from: year ? `${year}-01-01` : null,
      to: year ? `${year}-12-31` : null,
      scope: (scope as HolidayScope | undefined) ?? null,
    });
  }

  @Post('admin/holidays')
  @Access('admin')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a holiday (open cases\u2019 due dates move)' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<Holiday> {
    return this.holidays.create(user, parseInput(HolidayDto, body));
  }

  @Delete('admin/holidays/:id')
  @Access('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a holiday' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.holidays.remove(user, id);
  }

  @Get('staff/holidays')
  @Access('department_staff', 'community_manager', 'admin')
  @ApiTags('staff')
  @ApiOperation({ summary: 'Holidays between two dates, for counting business days in the console' })
  staffList(@Query() query: Record<string, unknown>): Promise<Holiday[]> {
    return this.holidays.list({ from: dateParam(query, 'from'), to: dateParam(query, 'to') });
  }

  @Get('admin/department-trust')
  @Access('admin')
  @ApiOperation({ summary: 'Which departments publish replies without approval' })
  trustList(): Promise<DepartmentTrust[]> {
    return this.trust.list();
  }

  @Put('admin/department-trust/:departmentId')
  @Access('admin')
  @ApiOperation({ summary: 'Trust a department to publish its replies directly, or not' })
  setTrust(
    @CurrentUser() user: AuthUser,
    @Param('departmentId') departmentId: string,
    @Body() body: unknown,
  ): Promise<DepartmentTrust> {
    return this.trust.set(user, departmentId, parseInput(DepartmentTrustDto, body).trustedToPublish);
  }
}
