import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DiscussionErrors, isUuid, NotificationInboxRepository } from '@plaza/api/participation-data';
import type { NotificationView } from '@plaza/shared/contracts';

/** The signed-in person's notifications inbox: why content was hidden, review outcomes, updates. */
@ApiTags('discussion')
@Access('signed-in')
@Controller({ version: '1' })
export class InboxController {
  constructor(private readonly inbox: NotificationInboxRepository) {}

  @Get('me/notifications')
  @ApiOperation({ summary: 'The caller\u2019s notifications (why content was hidden, review outcomes)' })
  notifications(@CurrentUser() user: AuthUser): Promise<NotificationView[]> {
    return this.inbox.list(user.id);
  }

  @Post('me/notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of the caller\u2019s notifications as read' })
  async markRead(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    if (!isUuid(id) || !(await this.inbox.markRead(user.id, id))) throw DiscussionErrors.notificationNotFound();
  }
}
