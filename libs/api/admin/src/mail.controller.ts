import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access } from '@plaza/api/auth';
import { MailRepository } from '@plaza/api/mail';
import type { MailMessageView } from '@plaza/shared/contracts';
import { AdminErrors, requireUuid } from './admin.errors';
import { intParam, textParam } from './query-params';

/**
 * The kept mail (no SMTP configured). Administrators only: these messages hold sign-in links,
 * and reading one is signing in as its recipient.
 */
@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/mail', version: '1' })
export class MailController {
  constructor(private readonly mail: MailRepository) {}

  @Get()
  @ApiOperation({ summary: 'Messages kept instead of sent, newest first' })
  @ApiQuery({ name: 'to', required: false, description: 'Only those sent to this address' })
  @ApiQuery({ name: 'limit', required: false, description: '1..500, default 100' })
  list(@Query() query: Record<string, unknown>): Promise<MailMessageView[]> {
    return this.mail.list({ to: textParam(query, 'to', 254), limit: intParam(query, 'limit', 100, 1, 500) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One kept message, text and HTML' })
  async get(@Param('id') id: string): Promise<MailMessageView> {
    const message = await this.mail.find(requireUuid(id, 'mail'));
    if (!message) throw AdminErrors.notFound('mail');
    return message;
  }
}
