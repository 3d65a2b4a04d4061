import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { NotificationSettings } from '@plaza/shared/contracts';
import { IsBoolean, IsDefined } from 'class-validator';
import { NotificationSettingsRepository } from './notification-settings.repository';

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ description: 'Emails about my reports, my proposals and what I follow' })
  @IsDefined()
  @IsBoolean()
  emailNotifications!: boolean;
}

/** The signed-in person's account-wide switch for update emails. */
@ApiTags('notifications')
@Access('signed-in')
@Controller({ path: 'account/notifications', version: '1' })
export class AccountNotificationsController {
  constructor(private readonly settings: NotificationSettingsRepository) {}

  @Get()
  @ApiOperation({ summary: 'My notification settings' })
  async get(@CurrentUser() user: AuthUser): Promise<NotificationSettings> {
    return { emailNotifications: (await this.settings.emailNotifications(user.id)) ?? true };
  }

  @Patch()
  @ApiOperation({ summary: 'Turn update emails on or off for my account' })
  async set(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<NotificationSettings> {
    const input = parseInput(NotificationSettingsDto, body);
    await this.settings.setEmailNotifications(user.id, input.emailNotifications);
    return { emailNotifications: input.emailNotifications };
  }
}
