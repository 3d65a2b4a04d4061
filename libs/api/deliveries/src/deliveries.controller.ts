import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DomainError } from '@plaza/api/http';
import type { DeliveryView } from '@plaza/shared/contracts';
import { DeliveriesService } from './deliveries.service';

/**
 * Deliveries that failed or are being retried. Administrators and community managers: they see
 * recipients (personal data), so never department staff or the public.
 */
@ApiTags('staff')
@Access('admin', 'community_manager')
@Controller({ path: 'staff/deliveries', version: '1' })
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @ApiOperation({ summary: 'Failed deliveries, then those waiting for a retry' })
  @ApiQuery({ name: 'status', required: false, enum: ['failed', 'pending'] })
  @ApiQuery({ name: 'limit', required: false, description: '1..500, default 200' })
  list(@Query() query: Record<string, unknown>): Promise<DeliveryView[]> {
    const status = query['status'];
    if (status !== undefined && status !== 'failed' && status !== 'pending') {
      throw DomainError.invalidQuery('status', 'status must be failed or pending');
    }
    const rawLimit = query['limit'];
    const limit = rawLimit === undefined ? 200 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw DomainError.invalidQuery('limit', 'limit must be a whole number from 1 to 500');
    return this.deliveries.list((status as 'failed' | 'pending' | undefined) ?? null, limit);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try again now, with a fresh retry window (audit-logged)' })
  retry(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DeliveryView> {
    return this.deliveries.retry(user, id);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop retrying; the message is never sent (audit-logged)' })
  dismiss(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DeliveryView> {
    return this.deliveries.dismiss(user, id);
  }
}
