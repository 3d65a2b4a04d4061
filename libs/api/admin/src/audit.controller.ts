import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditService } from '@plaza/api/audit';
import { Access } from '@plaza/api/auth';
import type { AuditPage, AuditVerification } from '@plaza/shared/contracts';
import { intParam } from './query-params';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/audit', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first; pass `nextBefore` as `before` for the next page' })
  @ApiQuery({ name: 'before', required: false, description: 'Entries with a smaller seq' })
  @ApiQuery({ name: 'limit', required: false, description: '1..200, default 50' })
  page(@Query() query: Record<string, unknown>): Promise<AuditPage> {
    const before =
      query['before'] === undefined || query['before'] === ''
        ? null
        : intParam(query, 'before', 0, 1, Number.MAX_SAFE_INTEGER);
    return this.audit.page(before, intParam(query, 'limit', 50, 1, 200));
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain of the whole log' })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
